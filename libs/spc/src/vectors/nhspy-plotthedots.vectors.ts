import type { PointType } from '../spc-types';
import { monthly, rep, type ChartVector, type LimitsVector, type ShiftVector, type TrendVector, type TwoInThreeVector } from './vector-types';

/** nhs-pycom/nhspy-plotthedots, tests/unittests/*.py: inputs and expected values as published. */
const repo = 'nhs-pycom/nhspy-plotthedots';
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
const mixed = [1, 2, 3, 2, 1, 2, 3, 4, 5, 6, 7, 4, 3, 2, 1, 2];
const negative = mixed.map((value) => -value);

/** limits_calculations returns (mean, lpl, upl, nlpl, nupl); compared to 12 decimals. */
const limits = (test: string, values: number[], expected: [number, number, number, number, number]): LimitsVector => ({
  kind: 'limits',
  source: { repo, file: 'tests/unittests/test_limits_calculations.py', test },
  values,
  digits: 12,
  expected: { mean: expected[0], lowerLimit: expected[1], upperLimit: expected[2], nearLowerLimit: expected[3], nearUpperLimit: expected[4] },
});

export const nhspyLimitsVectors: LimitsVector[] = [
  limits('test_increasing_trend', range(1, 11), [5.5, 2.84, 8.16, 3.7266666666666666, 7.273333333333333]),
  limits('test_decreasing_trend', range(1, 11).reverse(), [5.5, 2.84, 8.16, 3.7266666666666666, 7.273333333333333]),
  limits('test_no_trend', [1, 2, 3, 4, 5, 4, 3, 2, 1, 2], [2.7, 0.040000000000000036, 5.36, 0.9266666666666667, 4.473333333333334]),
  limits('test_small_input', [1, 2, 3], [2.0, -0.6600000000000001, 4.66, 0.22666666666666657, 3.7733333333333334]),
  limits('test_large_input', range(0, 20), [9.5, 6.84, 12.16, 7.726666666666667, 11.273333333333333]),
  limits('test_exact_seven_input', [3, 1, 4, 1, 5, 9, 2], [3.5714285714285716, -6.625238095238096, 13.768095238095238, -3.2263492063492065, 10.36920634920635]),
  limits('test_mixed_input', mixed, [3.0, -0.014666666666666828, 6.014666666666667, 0.9902222222222221, 5.009777777777778]),
  limits('test_negative_input', negative, [-3.0, -6.014666666666667, 0.014666666666666828, -5.009777777777778, -0.9902222222222221]),
];

const trend = (test: string, values: number[], markers: number[]): TrendVector => ({
  kind: 'trend',
  source: { repo, file: 'tests/unittests/test_seven_point_trend.py', test },
  values,
  expected: { markers },
});

export const nhspyTrendVectors: TrendVector[] = [
  trend('test_increasing_trend', range(1, 11), [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]),
  trend('test_decreasing_trend', range(1, 11).reverse(), [0, 0, 0, 0, 0, 0, -1, -1, -1, -1]),
  trend('test_no_trend', [1, 2, 3, 4, 5, 4, 3, 2, 1, 2], rep(0, 10)),
  trend('test_small_input', [1, 2, 3], [0, 0, 0]),
  trend('test_large_input', range(0, 20), [...rep(0, 6), ...rep(1, 14)]),
  trend('test_exact_seven_input', rep(1, 7), rep(0, 7)),
  trend('test_null_input', [], []),
  trend('test_mixed_input', mixed, [...rep(0, 10), 1, ...rep(0, 5)]),
  trend('test_negative_input', negative, [...rep(0, 10), -1, ...rep(0, 5)]),
];

const shift = (test: string, sides: number[], markers: number[], note?: string): ShiftVector => ({
  kind: 'shift',
  source: { repo, file: 'tests/unittests/test_seven_point_one_side_mean.py', test, ...(note ? { note } : {}) },
  sides,
  expected: { markers },
});

export const nhspyShiftVectors: ShiftVector[] = [
  shift('test_above', rep(1, 7), [...rep(0, 6), 1]),
  shift('test_below', rep(-1, 7), [...rep(0, 6), 1]),
  shift('test_equal', [-1, 0, 1, 0, -1, 0, 1], rep(0, 7)),
  shift(
    'test_zero',
    rep(0, 7),
    rep(0, 7),
    'Published as all True: nhspy counts seven points on the mean as a run. SPEC: a point on the mean breaks a shift (as NHSRplotthedots: vp != 0), so none.',
  ),
  shift('test_small_input', [1, 0, -1], [0, 0, 0]),
  shift('test_large_input', [...rep(1, 10), ...rep(-1, 10)], [...rep(0, 6), ...rep(1, 4), ...rep(0, 6), ...rep(1, 4)]),
  shift('test_invalid', range(-10, 10), rep(0, 20), 'Published input is not signs; no two neighbours are equal, so no run.'),
  shift('test_null', [], []),
];

const twoInThree = (test: string, nearBand: number[], sides: number[], flagged: number[]): TwoInThreeVector => ({
  kind: 'twoInThree',
  source: { repo, file: 'tests/unittests/test_two_in_three.py', test },
  nearBand,
  sides,
  expected: { flagged },
});
const largeSides = [
  -1, -1, -1, -1, -1, 0, -1, -1, 1, -1, 0, -1, -1, 0, 0, -1, 0, 1, -1, 1, -1, -1, 1, 0, -1, 1, 1, 0, -1, -1, 0, -1, 0, 0, -1, 1, 0, 0, -1, 0,
  0, 0, 0, 0, 1, 0, 1, -1, 0, 1, 0, 0, 1, 1, 1, -1, -1, 1, -1, 0, 1, -1, 1, 1, 0, -1, 1, 0, 0, 1, 0, 1, 1, 1, -1, 1, 1, 0, 1, 1, 1,
];

export const nhspyTwoInThreeVectors: TwoInThreeVector[] = [
  twoInThree('test_large', rep(1, 81), largeSides, [...rep(1, 5), ...rep(0, 47), ...rep(1, 3), ...rep(0, 16), ...rep(1, 3), ...rep(0, 4), ...rep(1, 3)]),
  twoInThree('test_negative', rep(1, 3), [-1, -1, -1], rep(1, 3)),
  twoInThree('test_relative_to_mean', rep(1, 3), [1, -1, 1], rep(0, 3)),
  twoInThree('test_close_to_limits', rep(0, 3), rep(1, 3), rep(0, 3)),
];

const demo = [89, 86, 75, 77, 81, 74, 72, 78, 76, 82, 77, 54, 66, 77, 86];

export const nhspyChartVectors: ChartVector[] = [
  {
    kind: 'chart',
    source: {
      repo,
      file: 'tests/unittests/test_pandas_spc_x_calc.py',
      test: 'test_demo_case',
      note: 'Mean to 2 decimals, limits to 0 as published; special_cause_flag only at index 11 (below the lower limit), typed for an increasing measure.',
    },
    input: { points: monthly(demo), improvement: 'increase' },
    digits: 2,
    expected: { mean: 76.67, types: [...rep<PointType>('common', 11), 'concern', ...rep<PointType>('common', 3)] },
  },
  {
    kind: 'chart',
    source: { repo, file: 'tests/unittests/test_pandas_spc_x_calc.py', test: 'test_demo_case (limits)' },
    input: { points: monthly(demo), improvement: 'increase' },
    digits: 0,
    expected: { lowerLimit: 57, upperLimit: 96 },
  },
  {
    kind: 'chart',
    source: {
      repo,
      file: 'tests/unittests/test_pandas_spc_x_calc.py',
      test: 'test_fix_point_mean',
      note: 'Published as "fix after 5 points"; in Spiral the baseline ends at the adoption, here after the fifth point.',
    },
    input: { points: monthly(range(1, 11)), improvement: 'increase', adoptedAt: '2021-05-01' },
    expected: { mean: 3, trial: true },
  },
];
