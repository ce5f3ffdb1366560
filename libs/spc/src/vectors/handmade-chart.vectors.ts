import type { Improvement, PointType } from '../spc-types';
import { baseline, p, ps, sevenAbove, sevenBelow, sevenRising } from './handmade-series';
import { monthly, rep, type ChartVector } from './vector-types';

/** Hand-made series, one per rule and behaviour; expectations worked out by hand from the limits. */
const source = (test: string, note?: string): ChartVector['source'] => ({ repo: 'spiral (hand-made)', file: 'libs/spc/src/vectors/handmade-chart.vectors.ts', test, ...(note ? { note } : {}) });
const chart = (test: string, after: number[], improvement: Improvement, expected: ChartVector['expected'], note?: string): ChartVector => ({
  kind: 'chart',
  source: source(test, note),
  input: { points: monthly([...baseline, ...after]), improvement },
  expected,
});
/** Types of the points after the baseline (index 20 on). */
const after = (...types: PointType[]): Pick<ChartVector['expected'], 'types' | 'typesFrom'> => ({ types: types, typesFrom: 20 });
const common = (count: number): PointType[] => rep('common', count);

export const handmadeChartVectors: ChartVector[] = [
  chart('baseline only: limits, no signal', [], 'increase', {
    mean: 11, lowerLimit: 5.68, upperLimit: 16.32, trial: false, types: common(20), signals: [], suggestedRebaseFrom: null,
  }),
  chart('no signal after the baseline', [10, 12, 10, 12, 11.5, 10.5], 'increase', { ...after(...common(6)), signals: [] }),
  chart('astronomical high, increase: improvement', [17, 10, 12], 'increase', {
    ...after('improvement', 'common', 'common'),
    signals: [{ rule: 'astronomical', kind: 'improvement', direction: 'up', periods: [p(20)] }],
  }),
  chart('astronomical high, decrease: concern', [17, 10, 12], 'decrease', { ...after('concern', 'common', 'common') }),
  chart('astronomical high, no direction: neutral high', [17, 10, 12], 'neutral', {
    ...after('neutralHigh', 'common', 'common'),
    signals: [{ rule: 'astronomical', kind: 'neutral', direction: 'up', periods: [p(20)] }],
  }),
  chart('astronomical low, increase: concern', [5, 12], 'increase', { ...after('concern', 'common') }),
  chart('trend of 7 rising points across the mean', [...sevenRising, 10], 'increase', {
    ...after(...rep<PointType>('improvement', 7), 'common'),
    signals: [{ rule: 'trend', kind: 'improvement', direction: 'up', periods: ps(20, 26) }],
  }),
  chart('trend of 7 falling points, no direction: neutral low', [14, 13, 12, 11.5, 10.5, 10, 9, 12], 'neutral', {
    ...after(...rep<PointType>('neutralLow', 7), 'common'),
    signals: [{ rule: 'trend', kind: 'neutral', direction: 'down', periods: ps(20, 26) }],
  }),
  chart('a tie breaks a trend: 8, 9, 10, 10, 11.5, 12.5, 13, 14', [8, 9, 10, 10, 11.5, 12.5, 13, 14, 10], 'increase', {
    ...after(...common(9)), signals: [],
  }),
  chart('two of three in the upper band, the third above the mean', [15, 11.5, 15, 10], 'increase', {
    ...after('improvement', 'common', 'improvement', 'common'),
    signals: [{ rule: 'twoInThree', kind: 'improvement', direction: 'up', periods: [p(20), p(22)] }],
  }),
  chart(
    'a point beyond the limit does not count towards two in three',
    [15, 17, 11.5, 10],
    'increase',
    { ...after('common', 'improvement', 'common', 'common'), signals: [{ rule: 'astronomical', kind: 'improvement', direction: 'up', periods: [p(21)] }] },
    'SPEC and NHSRplotthedots (#153). MDC\'s tool since Nov 2023 (NHSRplotthedots #194) would also flag 15 and 17 as two in three.',
  ),
  chart('a point on the mean breaks two in three', [15, 11, 15, 10], 'increase', { ...after(...common(4)), signals: [] }, 'PowerBI-SPC would flag both 15s.'),
  chart('shift of 7 above the mean', [10.5, ...sevenAbove, 10.5], 'increase', {
    ...after('common', ...rep<PointType>('improvement', 7), 'common'),
    signals: [{ rule: 'shift', kind: 'improvement', direction: 'up', periods: ps(21, 27) }],
    suggestedRebaseFrom: p(21),
  }),
  chart('a point on the mean breaks a shift', [10.5, 11.5, 11.8, 11.5, 11, 11.8, 11.5, 11.8, 10.5], 'increase', {
    ...after(...common(9)), signals: [], suggestedRebaseFrom: null,
  }),
  chart('shift of 7 below the mean, decrease: improvement', [...sevenBelow, 12], 'decrease', {
    ...after(...rep<PointType>('improvement', 7), 'common'), suggestedRebaseFrom: p(20),
  }),
  chart('trend takes precedence over shift: rising points below the mean', [8, 8.25, 8.5, 8.75, 9, 9.5, 10, 9.8, 12], 'increase', {
    // The eighth point (9.8) ends the trend but not the shift: typed by the shift alone, concern.
    ...after(...rep<PointType>('improvement', 7), 'concern', 'common'),
    signals: [
      { rule: 'trend', kind: 'improvement', direction: 'up', periods: ps(20, 26) },
      { rule: 'shift', kind: 'concern', direction: 'down', periods: ps(20, 27) },
    ],
  }),
  chart('an astronomical point inside a shift: one signal each', [10.5, 11.5, 11.8, 17, 11.5, 11.8, 11.5, 11.8, 10], 'increase', {
    ...after('common', ...rep<PointType>('improvement', 7), 'common'),
    signals: [
      { rule: 'shift', kind: 'improvement', direction: 'up', periods: ps(21, 27) },
      { rule: 'astronomical', kind: 'improvement', direction: 'up', periods: [p(23)] },
    ],
  }),
  {
    kind: 'chart',
    source: source('a baseline of 8 points before the adoption gives trial limits'),
    input: { points: monthly(baseline), improvement: 'increase', adoptedAt: p(7) },
    expected: { mean: 11, upperLimit: 16.32, trial: true },
  },
  chart(
    'a new level not yet rebased: a rebase is suggested at its first point after the baseline',
    rep(0, 10).map((_, k) => (k % 2 === 0 ? 13 : 13.5)),
    'increase',
    { suggestedRebaseFrom: p(20), groups: rep(0, 30), signals: [{ rule: 'shift', kind: 'improvement', direction: 'up', periods: ps(19, 29) }] },
    'The run of points above the mean begins on the baseline\'s last point (12); the baseline keeps it.',
  ),
  {
    kind: 'chart',
    source: source('a shift inside the baseline is a signal but suggests no rebase'),
    // Mean 221 / 20 = 11.05: seven points at 12 and 12.5 above it, then 9.5 and 11.5 alternating.
    input: { points: monthly([12, 12.5, 12, 12.5, 12, 12.5, 12, ...rep(0, 17).map((_, k) => (k % 2 === 0 ? 9.5 : 11.5))]), improvement: 'increase' },
    expected: { mean: 11.05, signals: [{ rule: 'shift', kind: 'improvement', direction: 'up', periods: ps(0, 6) }], suggestedRebaseFrom: null },
  },
  {
    kind: 'chart',
    source: source('a confirmed rebase starts a group with its own (trial) limits; assurance from the current group'),
    input: { points: monthly([...baseline, ...rep(0, 10).map((_, k) => (k % 2 === 0 ? 13 : 13.5))]), improvement: 'increase', rebases: [p(20)], target: 14.7 },
    expected: {
      mean: 13.25, lowerLimit: 11.92, upperLimit: 14.58, trial: true, groups: [...rep(0, 20), ...rep(1, 10)], groupTrials: [false, true],
      signals: [], suggestedRebaseFrom: null, assurance: 'fail',
    },
  },
  ...([[20, 'fail'], [3, 'pass'], [12, 'hitAndMiss']] as const).map(
    ([target, assurance]): ChartVector => ({ ...chart(`assurance against target ${target}`, [], 'increase', { assurance }), input: { points: monthly(baseline), improvement: 'increase', target } }),
  ),
];

/** Data from NHSRplotthedots' vignette "Deviations from Excel defaults"; limits worked out by hand. */
const deviations = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
export const handmadeScreeningVectors: ChartVector[] = [
  {
    kind: 'chart',
    source: source('unscreened (MDC): mean 35/18, mean mR 32/17', 'Series from NHSRplotthedots vignettes/deviations.Rmd; the vignette prints no numbers.'),
    input: { points: monthly(deviations), improvement: 'increase' },
    digits: 6,
    expected: { mean: 1.944444, lowerLimit: -3.062614, upperLimit: 6.951503 },
  },
  {
    kind: 'chart',
    source: source('screened: the moving ranges 8 and 9 (≥ 3.267 × 32/17) dropped, mean mR 1'),
    input: { points: monthly(deviations), improvement: 'increase', screenMovingRangeOutliers: true },
    digits: 6,
    expected: { mean: 1.944444, lowerLimit: -0.715556, upperLimit: 4.604444 },
  },
];
