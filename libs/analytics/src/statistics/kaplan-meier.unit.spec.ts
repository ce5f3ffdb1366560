import { kaplanMeier, type SurvivalObservation } from './kaplan-meier';

/**
 * The 6-mercaptopurine arm of Freireich EJ et al. (Blood 21, 1963), weeks in remission, + censored:
 * 6,6,6,6+,7,9+,10,10+,11+,13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+. The textbook KM example
 * (Kleinbaum DG, Klein M, Survival Analysis: A Self-Learning Text, 3rd ed., 2012, ch. 2).
 */
const events = [6, 6, 6, 7, 10, 13, 16, 22, 23];
const censored = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
const remission: SurvivalObservation[] = [
  ...events.map((time) => ({ time, event: true })),
  ...censored.map((time) => ({ time, event: false })),
];

describe('kaplanMeier', () => {
  const curve = kaplanMeier(remission);
  const at = (time: number) => curve.steps.find((step) => step.time === time)!;

  it('counts subjects, events and censorings', () => {
    expect(curve).toMatchObject({ subjects: 21, events: 9, censored: 12 });
  });

  it('reads subjects sharing a time and outcome given once with their count as if listed one by one', () => {
    const counted: SurvivalObservation[] = [
      { time: 6, event: true, count: 3 },
      { time: 6, event: false },
      ...remission.filter((observation) => observation.time !== 6 && observation.time !== 32),
      { time: 32, event: false, count: 2 },
    ];
    expect(kaplanMeier(counted)).toEqual(curve);
  });

  it('multiplies (1 − d/n) at each event time, by hand', () => {
    // t=6: 21 at risk, 3 events: 18/21 = 0.8571; the one censored at 6 leaves 17.
    expect(at(6)).toMatchObject({ atRisk: 21, events: 3, censored: 1 });
    expect(at(6).survival).toBeCloseTo(18 / 21, 10);
    // t=7: 0.8571 × 16/17 = 0.8067.
    expect(at(7)).toMatchObject({ atRisk: 17, events: 1, censored: 0 });
    expect(at(7).survival).toBeCloseTo(0.806723, 6);
    // 9+ leaves 15 at 10: × 14/15 = 0.7529; 10+ and 11+ leave 12 at 13: × 11/12 = 0.6902.
    expect(at(10)).toMatchObject({ atRisk: 15, events: 1, censored: 1 });
    expect(at(10).survival).toBeCloseTo(0.752941, 6);
    expect(at(13).survival).toBeCloseTo(0.690196, 6);
    // t=16: × 10/11 = 0.6275; 17+, 19+, 20+ leave 7 at 22: × 6/7 = 0.5378; t=23: × 5/6 = 0.4482.
    expect(at(16).survival).toBeCloseTo(0.627451, 6);
    expect(at(22)).toMatchObject({ atRisk: 7, events: 1 });
    expect(at(22).survival).toBeCloseTo(0.537815, 6);
    expect(at(23).survival).toBeCloseTo(0.448179, 6);
  });

  it('keeps censor-only times as steps with survival unchanged', () => {
    expect(at(9)).toMatchObject({ atRisk: 16, events: 0, censored: 1 });
    expect(at(9).survival).toBeCloseTo(at(7).survival, 12);
    expect(at(35)).toMatchObject({ atRisk: 1, events: 0, censored: 1 });
  });

  it('takes the median where survival first falls to one half or below', () => {
    expect(curve.median).toBe(23);
  });

  it('has no median while more than half remain, and no steps without subjects', () => {
    expect(kaplanMeier([{ time: 1, event: true }, { time: 5, event: false }, { time: 5, event: false }]).median).toBeNull();
    expect(kaplanMeier([])).toEqual({ subjects: 0, events: 0, censored: 0, steps: [], median: null });
  });
});
