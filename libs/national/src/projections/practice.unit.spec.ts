import { practicesOf } from './practice';
import { emptyPractice } from './practice-document';
import type { ImpactEntry, PracticeSpiralDocument } from './practice-spiral-document';

const gain = { achievedAt: '2004-06-05T00:00:00.000Z', sustainedAt: null, lostAt: null };
const impact: ImpactEntry = {
  baseline: { value: 66, points: 3, source: 'measured' },
  after: { mean: 49.5, points: 2 },
  relativeImprovement: 0.25,
  teamId: 't1',
  shaCode: 'Q01',
  measure: 'Door-to-needle time',
  improvement: 'decrease',
};
const owner = { teamId: 't1', shaCode: 'Q01', measure: 'Door-to-needle time', improvement: 'decrease' } as const;
const entry = (spiralId: string, practiceId: string, changes: Partial<PracticeSpiralDocument> = {}): PracticeSpiralDocument => ({ spiralId, practiceId, owner, gains: [gain], impact, ...changes });

describe('practicesOf', () => {
  it('gives each practice its own adopting spirals’ gains and impact, and none to a practice without any', () => {
    const [first, second] = practicesOf([emptyPractice('p-1'), emptyPractice('p-2')], [entry('s1', 'p-1'), entry('s2', 'p-1', { impact: null }), entry('s3', 'p-3')]);
    expect(first).toMatchObject({ practiceId: 'p-1', gains: { s1: [gain], s2: [gain] }, impact: { s1: impact } });
    expect(Object.keys(first!.impact)).toEqual(['s1']);
    expect(second).toMatchObject({ practiceId: 'p-2', gains: {}, impact: {} });
  });

  it('keeps a spiral whose id names what every object inherits as an entry of its own', () => {
    const [practice] = practicesOf([emptyPractice('p-1')], [entry('__proto__', 'p-1'), entry('constructor', 'p-1')]);
    expect(Object.hasOwn(practice!.gains, '__proto__')).toBe(true);
    expect(Object.keys(practice!.impact).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(practice!.gains)).toBe(Object.prototype);
  });
});
