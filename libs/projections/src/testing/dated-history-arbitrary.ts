import type { EventEnvelope } from '@spiral/event-catalogue';
import fc from 'fast-check';
import { HistoryBuilder } from './history-builder';

const DAY = 86_400_000;
const START = Date.parse('2004-01-01T00:00:00.000Z');
const at = (day: number) => new Date(START + day * DAY).toISOString();
const ORGS = ['RX1', 'RX2', 'RY1', 'RZ1'];
const REGIONS = ['Q01', 'Q01', 'Q02', 'Q03'];

/** Which gain facts a spiral records, withdrawals included (each takes back the latest fact, as the decider allows). */
const GAIN_PATHS = ['none', 'achieved', 'withdrawn', 'sustainedWithdrawn', 'achievedAgain'] as const;

const spiralPlan = fc.record({
  team: fc.nat({ max: 7 }),
  startDay: fc.integer({ min: 10, max: 300 }),
  gaps: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 9, maxLength: 9 }),
  depth: fc.integer({ min: 0, max: 3 }),
  practice: fc.option(fc.constantFrom('p-a', 'p-b', 'p-c'), { nil: undefined }),
  points: fc.array(fc.integer({ min: 20, max: 90 }), { maxLength: 6 }),
  latePoint: fc.option(fc.integer({ min: 20, max: 90 }), { nil: undefined }),
  gainPath: fc.constantFrom(...GAIN_PATHS),
  closes: fc.boolean(),
});

/**
 * A random history to read views as of every moment of (issue 17 item 3): teams registered over
 * time in three regions, a practice revised, one retired, one proposed late; spirals that adopt,
 * record points (some entered late, after a gain), gain, have gains withdrawn and close.
 */
export const datedHistoryArbitrary: fc.Arbitrary<EventEnvelope[]> = fc
  .record({ spirals: fc.array(spiralPlan, { minLength: 1, maxLength: 8 }), reviseDay: fc.integer({ min: 5, max: 400 }), retireDay: fc.integer({ min: 50, max: 500 }) })
  .map(({ spirals, reviseDay, retireDay }) => {
    const history = new HistoryBuilder();
    history.practice('p-a', { proposedAt: at(0), publishedAt: at(1) }).revise('p-a', 2, 'fieldTested', at(reviseDay));
    history.practice('p-b', { proposedAt: at(0), publishedAt: at(2), retiredAt: at(retireDay) }).practice('p-c', { proposedAt: at(100), publishedAt: at(150) });
    const teams = Array.from({ length: 8 }, (_, i) => history.team(`t${i}`, ORGS[i % 4]!, REGIONS[i % 4]!, at(4 + i * 25)));
    spirals.forEach((plan, i) => {
      let day = plan.startDay;
      const next = (step: number) => at((day += plan.gaps[step]!));
      const story = history.spiral(`s${i}`, teams[plan.team]!, at(day));
      if (plan.depth >= 1) story.pull(next(0));
      if (plan.depth >= 2) story.appraise(next(1), plan.practice);
      if (plan.depth >= 3) {
        story.adopt(next(2)).measure(next(3), plan.points.map((value, k) => [at(plan.startDay - 40 + k * 20).slice(0, 10), value] as const));
        if (plan.gainPath !== 'none') story.gain('achieved', next(4));
        if (plan.latePoint !== undefined) story.measure(next(5), [[at(plan.startDay - 30).slice(0, 10), plan.latePoint]]);
        if (plan.gainPath === 'withdrawn' || plan.gainPath === 'achievedAgain') story.withdraw('achieved', next(6), 'none');
        if (plan.gainPath === 'achievedAgain') story.gain('achieved', next(7));
        if (plan.gainPath === 'sustainedWithdrawn') story.gain('sustained', next(6)).withdraw('sustained', next(7), 'achieved');
      }
      if (plan.closes) story.close(next(8));
    });
    return history.build();
  });
