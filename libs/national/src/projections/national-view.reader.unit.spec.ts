import { SAMPLE_AS_OF, sampleHealthService } from '@spiral/projections/testing';
import type { ViewStore } from '@spiral/ports';
import { projectInBatches } from '@spiral/projections/testing';
import type { NationalView, PracticeFigures } from './national-view';
import { NationalViewReader } from './national-view.reader';
import { nationalViewProjection } from './national-view.projection';

const close = (value: number) => expect.closeTo(value, 10) as number;

describe('the national view as read (the sample health service, as of 2005-06-30)', () => {
  let views: ViewStore;
  let view: NationalView;
  let nurseLed: PracticeFigures;
  let preAlert: PracticeFigures;
  beforeAll(async () => {
    views = await projectInBatches(nationalViewProjection, [sampleHealthService()]);
    view = await new NationalViewReader(views).read(SAMPLE_AS_OF);
    nurseLed = view.practices.find((practice) => practice.practiceId === 'p-nurse-led')!;
    preAlert = view.practices.find((practice) => practice.practiceId === 'p-pre-alert')!;
  });
  afterAll(() => views.close());

  it('spreads nurse-led over teams, organisations and regions month by month from publication', () => {
    expect(view.teamsRegistered).toBe(6);
    expect(nurseLed.spread).toMatchObject({ teams: 4, organisations: 3, regions: 2 });
    // t1 (RX1, Q01) March, t2 (RX1) April, t4 (RY1, Q02) May, t5 (RY2) August.
    expect(nurseLed.spread.byMonth.map(({ month, teams, organisations, regions }) => [month, teams, organisations, regions])).toEqual([
      ['2004-01', 0, 0, 0],
      ['2004-02', 0, 0, 0],
      ['2004-03', 1, 1, 1],
      ['2004-04', 2, 1, 1],
      ['2004-05', 3, 2, 2],
      ['2004-06', 3, 2, 2],
      ['2004-07', 3, 2, 2],
      ['2004-08', 4, 3, 2],
    ]);
  });

  it('estimates time to adopt by Kaplan–Meier over the six registered teams', () => {
    // Days from 2004-01-20: 41, 86, 111, 194; two teams censored at 527 days (2005-06-30).
    expect(nurseLed.timeToAdopt).toMatchObject({ estimated: true, teams: 6, adopted: 4, notYetAdopted: 2, adoptedShare: close(4 / 6) });
    if (!nurseLed.timeToAdopt.estimated) return;
    expect(nurseLed.timeToAdopt.curve.steps).toEqual([
      { time: 41, atRisk: 6, events: 1, censored: 0, survival: close(5 / 6) },
      { time: 86, atRisk: 5, events: 1, censored: 0, survival: close(4 / 6) },
      { time: 111, atRisk: 4, events: 1, censored: 0, survival: close(3 / 6) },
      { time: 194, atRisk: 3, events: 1, censored: 0, survival: close(2 / 6) },
      { time: 527, atRisk: 2, events: 0, censored: 2, survival: close(2 / 6) },
    ]);
    expect(nurseLed.timeToAdopt.curve.median).toBe(111);
  });

  it('categorises the adopters', () => {
    // Mean 108 days; deviations −67, −22, 3, 86; sd √(12378/4) = 55.63; z −1.20, −0.40, 0.05, 1.55.
    expect(nurseLed.adopterCategories).toEqual({
      categorised: true,
      n: 4,
      meanDays: close(108),
      sdDays: expect.closeTo(55.628, 3) as number,
      counts: { innovators: 0, earlyAdopters: 1, earlyMajority: 1, lateMajority: 1, laggards: 1 },
    });
  });

  it('gives impact and sustainability of the adopters’ gains', () => {
    expect(nurseLed.impact).toEqual({
      spirals: 2,
      onTargetMeasures: { n: 2, mean: 0.25, sd: 0, median: 0.25 },
      byMeasure: [{ measure: 'Door-to-needle time', targeted: true, improvement: 'decrease', spirals: 2, relativeImprovement: { n: 2, mean: 0.25, sd: 0, median: 0.25 } }],
    });
    // At 6 months: s1 holding but not yet sustained, s2 lost. At 12: only s1 is old enough, sustained.
    expect(nurseLed.sustainability).toEqual({
      achieved: 2,
      at6Months: { months: 6, eligible: 2, sustained: { numerator: 0, denominator: 2, share: 0 }, holding: { numerator: 1, denominator: 2, share: 0.5 }, lost: 1 },
      at12Months: { months: 12, eligible: 1, sustained: { numerator: 1, denominator: 1, share: 1 }, holding: { numerator: 1, denominator: 1, share: 1 }, lost: 0 },
    });
  });

  it('shows field-test verdicts, and follows a retired practice only to its retirement', () => {
    expect(preAlert.fieldTests).toEqual([
      { fieldTestId: 'ft-1', sites: ['RX1', 'RY1'], reports: 2, startedAt: '2004-01-10T00:00:00.000Z', verdict: 'effective', effectSize: 0.6, effectScale: 'protocol', concludedAt: '2004-03-01T00:00:00.000Z' },
    ]);
    // Published 2004-03-15; t4 adopted 2004-06-20 (97 days); five censored at retirement, 2005-06-01 (443 days).
    expect(preAlert.timeToAdopt).toMatchObject({ followedUntil: '2005-06-01T00:00:00.000Z', adopted: 1, notYetAdopted: 5 });
    if (preAlert.timeToAdopt.estimated) expect(preAlert.timeToAdopt.curve.steps.map((step) => step.time)).toEqual([97, 443]);
  });

  it('measures geographical variation in penetration with the coefficient of variation', () => {
    // Teams: Q01 2/4 = 0.5, Q02 2/2 = 1; mean 0.75, sd 0.25, cv 1/3. Organisations: 2/3 and 1; mean 5/6, sd 1/6, cv 0.2.
    expect(view.variation.teams).toEqual({ n: 2, mean: 0.75, sd: 0.25, cv: close(1 / 3) });
    expect(view.variation.organisations).toEqual({ n: 2, mean: close(5 / 6), sd: close(1 / 6), cv: close(0.2) });
    expect(view.variation.regions.map((region) => region.shaCode)).toEqual(['Q01', 'Q02']);
  });

  it('spreads one practice by region, listing adopters in order with their categories', async () => {
    const spread = (await new NationalViewReader(views).spread('p-nurse-led', { asOf: SAMPLE_AS_OF }))!;
    expect(spread.byRegion.map((region) => [region.shaCode, region.byMonth.map((month) => month.teams)])).toEqual([
      ['Q01', [0, 0, 1, 2, 2, 2, 2, 2]],
      ['Q02', [0, 0, 0, 0, 1, 1, 1, 2]],
    ]);
    expect(spread.diffusion).toEqual({
      fitted: false,
      reason: 'needs at least 8 adopting teams and adoptions in at least 4 months; has 4 in 4',
      adopters: 4,
      monthsWithAdoptions: 4,
    });
    expect(spread.adopters.map(({ order, teamId, daysFromPublication, category }) => [order, teamId, daysFromPublication, category])).toEqual([
      [1, 't1', 41, 'earlyAdopters'],
      [2, 't2', 86, 'earlyMajority'],
      [3, 't4', 111, 'lateMajority'],
      [4, 't5', 194, 'laggards'],
    ]);
    const forQ02 = await new NationalViewReader(views).spread('p-nurse-led', { asOf: SAMPLE_AS_OF, onlyRegion: 'Q02' });
    expect(forQ02!.adopters.map((adopter) => adopter.order)).toEqual([3, 4]);
    expect(forQ02!.totals).toEqual(spread.totals);
    expect(await new NationalViewReader(views).spread('no-such-practice', { asOf: SAMPLE_AS_OF })).toBeUndefined();
  });
});
