import type { TeamAdoption } from './cumulative-spread';
import { cumulativeSpread, spreadByRegion, spreadTotals } from './cumulative-spread';
import { gainSustainability } from './gain-sustainability';
import fc from 'fast-check';
import { mean } from '../statistics/descriptive';
import { dateOf } from '../time/calendar';
import { BASELINE_POINTS, measureImpact } from './measure-impact';
import { timeToAdopt } from './time-to-adopt';

const adoption = (teamId: string, orgCode: string, shaCode: string, at: string): TeamAdoption => ({ teamId, orgCode, shaCode, at, spiralId: `s-${teamId}` });
const adoptions = [
  adoption('t1', 'RX1', 'Q01', '2004-03-10T00:00:00.000Z'),
  adoption('t2', 'RX1', 'Q01', '2004-05-02T00:00:00.000Z'),
  adoption('t3', 'RY1', 'Q02', '2004-05-20T00:00:00.000Z'),
];

describe('cumulativeSpread', () => {
  it('counts first adoptions of teams, organisations and regions month by month, gaps included', () => {
    expect(cumulativeSpread(adoptions)).toEqual([
      { month: '2004-03', teams: 1, organisations: 1, regions: 1 },
      { month: '2004-04', teams: 1, organisations: 1, regions: 1 },
      { month: '2004-05', teams: 3, organisations: 2, regions: 2 },
    ]);
    expect(spreadTotals(adoptions)).toEqual({ teams: 3, organisations: 2, regions: 2 });
  });

  it('runs from publication when asked, and is empty without adoptions or a start', () => {
    expect(cumulativeSpread(adoptions.slice(0, 1), { from: '2004-02' }).map((p) => p.teams)).toEqual([0, 1]);
    expect(cumulativeSpread([])).toEqual([]);
  });

  it('splits by region on the same months', () => {
    const [q01, q02] = spreadByRegion(adoptions);
    expect(q01).toMatchObject({ shaCode: 'Q01', teams: 2, organisations: 1 });
    expect(q02!.byMonth).toEqual([
      { month: '2004-03', teams: 0, organisations: 0 },
      { month: '2004-04', teams: 0, organisations: 0 },
      { month: '2004-05', teams: 1, organisations: 1 },
    ]);
  });
});

describe('timeToAdopt', () => {
  const published = '2004-01-01T00:00:00.000Z';

  it('follows every registered team from publication, censoring those yet to adopt at asOf', () => {
    // 5 teams; adoptions at 10 and 40 days; asOf at day 100; one adoption after asOf counts as not yet.
    const figure = timeToAdopt({
      publishedAt: published,
      retiredAt: null,
      asOf: '2004-04-10T00:00:00.000Z',
      adoptedAt: ['2004-01-11T00:00:00.000Z', '2004-02-10T00:00:00.000Z', '2004-06-01T00:00:00.000Z'],
      teamsRegistered: 5,
    });
    if (!figure.estimated) throw new Error(figure.reason);
    expect(figure).toMatchObject({ teams: 5, adopted: 2, notYetAdopted: 3 });
    // S(10) = 4/5 = 0.8; S(40) = 0.8 × 3/4 = 0.6; three censored at day 100: adopted share 0.4.
    expect(figure.curve.steps).toEqual([
      { time: 10, atRisk: 5, events: 1, censored: 0, survival: 0.8 },
      { time: 40, atRisk: 4, events: 1, censored: 0, survival: expect.closeTo(0.6, 12) as number },
      { time: 100, atRisk: 3, events: 0, censored: 3, survival: expect.closeTo(0.6, 12) as number },
    ]);
    expect(figure.adoptedShare).toBeCloseTo(0.4, 12);
  });

  it('ends follow-up at retirement, and says why it cannot estimate', () => {
    const retired = timeToAdopt({ publishedAt: published, retiredAt: '2004-01-31T00:00:00.000Z', asOf: '2005-01-01T00:00:00.000Z', adoptedAt: [], teamsRegistered: 2 });
    expect(retired).toMatchObject({ estimated: true, followedUntil: '2004-01-31T00:00:00.000Z' });
    expect(timeToAdopt({ publishedAt: null, retiredAt: null, asOf: published, adoptedAt: [], teamsRegistered: 2 })).toEqual({ estimated: false, reason: 'the practice has not been published' });
  });
});

describe('measureImpact', () => {
  it('compares the mean after adoption with the first points on or before it', () => {
    // Before (≤ 2004-03-01): 70, 66, 62 → 66. After: 54, 45 → 49.5. Decrease is better: (66 − 49.5) / 66 = 0.25.
    const points = { '2004-01-01': 70, '2004-02-01': 66, '2004-03-01': 62, '2004-04-01': 54, '2004-05-01': 45 };
    const impact = measureImpact({ points, adoptedAt: '2004-03-01T09:00:00.000Z', declaredBaseline: 72, improvement: 'decrease' });
    expect(impact).toEqual({ baseline: { value: 66, points: 3, source: 'measured' }, after: { mean: 49.5, points: 2 }, relativeImprovement: 0.25 });
  });

  it('falls back on the declared baseline when no point precedes adoption', () => {
    const impact = measureImpact({ points: { '2004-04-01': 54 }, adoptedAt: '2004-03-01T00:00:00.000Z', declaredBaseline: 72, improvement: 'decrease' });
    expect(impact.baseline).toEqual({ value: 72, points: 0, source: 'declared' });
    expect(impact.relativeImprovement).toBeCloseTo(0.25, 12);
  });

  it('takes the first 20 points on or before adoption and all after it, in period order whatever order they came in (property)', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => dateOf(new Date(Date.UTC(2004, 0, 1 + n)).toISOString()));
    const recorded = fc.array(fc.tuple(day, fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 80 });
    fc.assert(
      fc.property(recorded, day, (entries, adoptionDate) => {
        const points = Object.fromEntries(entries);
        const periods = Object.keys(points).sort();
        const before = periods.filter((period) => period <= adoptionDate).slice(0, BASELINE_POINTS).map((period) => points[period]!);
        const after = periods.filter((period) => period > adoptionDate).map((period) => points[period]!);
        const impact = measureImpact({ points, adoptedAt: `${adoptionDate}T12:00:00.000Z`, declaredBaseline: 72, improvement: 'increase' });
        expect(impact.baseline).toEqual(before.length === 0 ? { value: 72, points: 0, source: 'declared' } : { value: mean(before), points: before.length, source: 'measured' });
        expect(impact.after).toEqual({ mean: mean(after), points: after.length });
      }),
    );
  });
});

describe('gainSustainability', () => {
  const asOf = '2005-12-31T00:00:00.000Z';
  const episodes = [
    { achievedAt: '2004-01-15T00:00:00.000Z', sustainedAt: '2004-05-01T00:00:00.000Z', lostAt: null },
    { achievedAt: '2004-01-15T00:00:00.000Z', sustainedAt: '2004-11-01T00:00:00.000Z', lostAt: '2004-12-01T00:00:00.000Z' },
    { achievedAt: '2004-06-01T00:00:00.000Z', sustainedAt: null, lostAt: '2004-09-01T00:00:00.000Z' },
    { achievedAt: '2005-03-01T00:00:00.000Z', sustainedAt: null, lostAt: null },
    { achievedAt: '2006-02-01T00:00:00.000Z', sustainedAt: null, lostAt: null },
  ];

  it('judges each gain at 6 and 12 months, leaving out gains too young to judge', () => {
    const figure = gainSustainability(episodes, asOf);
    expect(figure.achieved).toBe(4);
    // At 6 months all four are old enough: #1 sustained; #2 not yet sustained, holding; #3 lost; #4 holding.
    expect(figure.at6Months).toMatchObject({ eligible: 4, lost: 1, sustained: { numerator: 1, denominator: 4, share: 0.25 }, holding: { numerator: 3, share: 0.75 } });
    // At 12 months #4 (March 2005) is too young: #1 sustained; #2 lost in December; #3 lost.
    expect(figure.at12Months).toMatchObject({ eligible: 3, lost: 2, sustained: { numerator: 1, denominator: 3 } });
  });
});
