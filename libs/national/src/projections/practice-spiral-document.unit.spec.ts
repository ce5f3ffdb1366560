import type { GainEpisode, MeasureImpact } from '@spiral/analytics';
import type { SpiralSummary } from '@spiral/projections';
import { practiceSpiralAsOf } from './practice-as-of';
import { impactOwnerOf, practiceSpiralAfter, type PracticeSpiralDocument } from './practice-spiral-document';

const spiral: SpiralSummary = {
  spiralId: 's1',
  revision: 0,
  teamId: 't1',
  orgCode: 'Q01-O01',
  shaCode: 'Q01',
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  baseline: 78,
  step: 'change',
  live: true,
  recognisedAt: '2004-01-01T00:00:00.000Z',
  lastEventAt: '2004-01-01T00:00:00.000Z',
  adoption: { optionId: 'o1', practiceId: 'p1', at: '2004-02-01T00:00:00.000Z' },
  gains: [],
};
const impactAfter = (points: number, mean: number): MeasureImpact => ({ baseline: { value: 78, points: 6, source: 'measured' }, after: { mean, points }, relativeImprovement: (78 - mean) / 78 });
const achieved: GainEpisode[] = [{ achievedAt: '2004-05-01T00:00:00.000Z', sustainedAt: null, lostAt: null }];
const sustained: GainEpisode[] = [{ achievedAt: '2004-05-01T00:00:00.000Z', sustainedAt: '2004-09-01T00:00:00.000Z', lostAt: null }];

/** An adopting spiral's changes in order: when, its gains after, the impact the event computed (undefined: none). */
const changes: [string, GainEpisode[], MeasureImpact | undefined][] = [
  ['2004-05-01T00:00:00.000Z', achieved, impactAfter(6, 70)],
  ['2004-06-01T00:00:00.000Z', achieved, impactAfter(7, 68)],
  ['2004-07-01T00:00:00.000Z', achieved, impactAfter(8, 66)],
  ['2004-09-01T00:00:00.000Z', sustained, undefined],
  ['2004-10-01T00:00:00.000Z', sustained, impactAfter(9, 65)],
  ['2004-11-01T00:00:00.000Z', [], undefined],
];

describe('An adopting spiral’s practice entry, dated', () => {
  it('reads as of every moment the gains and impact its change then left, keeping gains only where they changed', () => {
    let entry: PracticeSpiralDocument = { spiralId: 's1', practiceId: 'p1', owner: impactOwnerOf(spiral), gains: [], impact: null, history: [] };
    let before: SpiralSummary = spiral;
    const states: Pick<PracticeSpiralDocument, 'gains' | 'impact'>[] = [];
    for (const [at, gains, impact] of changes) {
      const after = { ...before, gains: gains.length === 0 && before.gains.length === 0 ? before.gains : gains };
      entry = practiceSpiralAfter(entry, before, after, impact, at) ?? entry;
      states.push({ gains: structuredClone(entry.gains), impact: structuredClone(entry.impact) });
      before = after;
    }

    expect(practiceSpiralAsOf(entry, '2004-04-30T00:00:00.000Z')).toBeUndefined();
    changes.forEach(([at], index) => {
      const asOf = practiceSpiralAsOf(entry, at);
      expect({ gains: asOf?.gains, impact: asOf?.impact }).toEqual(states[index]);
    });
    expect(states[2]?.impact).toEqual({ ...impactAfter(8, 66), teamId: 't1', shaCode: 'Q01', measure: 'Door-to-needle time', improvement: 'decrease' });
    expect(states[5]).toEqual({ gains: [], impact: null });
    // Gains written where they changed only: the first entry, the sustained gain, the withdrawal.
    expect(entry.history?.map((change) => change.gains !== undefined)).toEqual([true, false, false, true, false, true]);
  });
});
