import type { EventEnvelope } from '@spiral/event-catalogue';
import { HistoryBuilder } from './history-builder';

/** The moment the sample's figures are judged at in the specs. */
export const SAMPLE_AS_OF = '2005-06-30T00:00:00.000Z';

/**
 * A small health service whose figures the projection specs check by hand.
 *
 * Practices: p-nurse-led (published 2004-01-20); p-pre-alert (field-tested at RX1 and RY1,
 * effective, effect size 0.6; published 2004-03-15, retired 2005-06-01).
 * Q01: teams t1, t2 (RX1), t3 (RX2), t6 (RX3, no spiral). Q02: t4 (RY1), t5 (RY2). All registered 2004-01-02.
 * Spirals:
 * - s1 (t1, Q01) adopts nurse-led 2004-03-01; baseline points 70, 66, 62, after 54, 45; gain
 *   achieved 2004-06-05, sustained 2005-03-01. Relative improvement (66 − 49.5) / 66 = 0.25.
 * - s2 (t2, Q01) adopts nurse-led 2004-04-15; baseline 80, after 60, 60; gain achieved 2004-07-02,
 *   lost 2004-10-01; closed 2004-11-01. Relative improvement (80 − 60) / 80 = 0.25.
 * - s3 (t3, Q01) recognised 2004-02-10, knowledge pulled 2004-02-20, nothing since: stalled.
 * - s4 (t4, Q02) adopts nurse-led 2004-05-10; s5 (t4) adopts pre-alert 2004-06-20;
 *   s6 (t5, Q02) adopts nurse-led 2004-08-01.
 * Region Q01: a priority until 2004-12-31; support advice ×2 and air cover ×1; a spread strategy for
 * nurse-led across RX1, RX2, RX3; network n1 with t1 and t3.
 */
export function sampleHealthService(): EventEnvelope[] {
  const history = new HistoryBuilder();
  history
    .practice('p-nurse-led', { proposedAt: '2004-01-05', publishedAt: '2004-01-20' })
    .practice('p-pre-alert', { proposedAt: '2004-01-06', publishedAt: '2004-03-15', retiredAt: '2005-06-01' })
    .fieldTest('ft-1', 'p-pre-alert', ['RX1', 'RY1'], '2004-01-10', { verdict: 'effective', effectSize: 0.6, at: '2004-03-01' });
  const t1 = history.team('t1', 'RX1', 'Q01', '2004-01-02');
  const t2 = history.team('t2', 'RX1', 'Q01', '2004-01-02');
  const t3 = history.team('t3', 'RX2', 'Q01', '2004-01-02');
  history.team('t6', 'RX3', 'Q01', '2004-01-02');
  const t4 = history.team('t4', 'RY1', 'Q02', '2004-01-02');
  const t5 = history.team('t5', 'RY2', 'Q02', '2004-01-02');

  history
    .spiral('s1', t1, '2004-02-01')
    .adopt('2004-03-01', 'p-nurse-led')
    .measure('2004-03-02', [['2004-01-01', 70], ['2004-02-01', 66], ['2004-03-01', 62]])
    .measure('2004-06-02', [['2004-04-01', 54], ['2004-05-01', 45]])
    .gain('achieved', '2004-06-05')
    .gain('sustained', '2005-03-01');
  history
    .spiral('s2', t2, '2004-02-15')
    .adopt('2004-04-15', 'p-nurse-led')
    .measure('2004-04-16', [['2004-04-01', 80]])
    .measure('2004-07-01', [['2004-05-01', 60], ['2004-06-01', 60]])
    .gain('achieved', '2004-07-02')
    .gain('lost', '2004-10-01')
    .close('2004-11-01', 'notSustained');
  history.spiral('s3', t3, '2004-02-10').pull('2004-02-20');
  history.spiral('s4', t4, '2004-03-01').adopt('2004-05-10', 'p-nurse-led');
  history.spiral('s5', t4, '2004-06-01').adopt('2004-06-20', 'p-pre-alert');
  history.spiral('s6', t5, '2004-07-01').adopt('2004-08-01', 'p-nurse-led');

  history
    .priority('Q01', 'pr-1', '2004-01-15', '2004-12-31')
    .strategy('Q01', 'st-1', 'p-nurse-led', ['RX1', 'RX2', 'RX3'], '2004-02-01')
    .support('Q01', 'su-1', 't1', 'advice', '2004-02-05')
    .support('Q01', 'su-2', 't3', 'airCover', '2004-02-25')
    .support('Q01', 'su-3', 't2', 'advice', '2004-03-01')
    .network('Q01', 'n1', '2004-01-25', [{ team: t1, at: '2004-01-26' }, { team: t3, at: '2004-02-11' }]);
  return history.build();
}
