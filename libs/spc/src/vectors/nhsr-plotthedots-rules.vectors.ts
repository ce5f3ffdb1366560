import { rep, type ShiftVector, type TrendVector, type TwoInThreeVector } from './vector-types';

/**
 * nhs-r-community/NHSRplotthedots, tests/testthat/test-ptd_calculate_point_type.R (commit 8aac3239):
 * the rule helpers behind every chart. Inputs and expected vectors copied as published.
 */
const repo = 'nhs-r-community/NHSRplotthedots';
const file = 'tests/testthat/test-ptd_calculate_point_type.R';
const shiftTest = 'ptd_seven_point_one_side_mean works as expected';
const trendTest = 'ptd_seven_point_trend works as expected';

const shift = (test: string, sides: number[], markers: number[]): ShiftVector => ({
  kind: 'shift',
  source: { repo, file, test },
  sides,
  expected: { markers },
});
const trend = (values: number[], markers: number[]): TrendVector => ({
  kind: 'trend',
  source: { repo, file, test: trendTest },
  values,
  expected: { markers },
});
const seq = (from: number, to: number): number[] =>
  Array.from({ length: Math.abs(to - from) + 1 }, (_, k) => (from <= to ? from + k : from - k));

export const nhsrShiftVectors: ShiftVector[] = [
  shift(shiftTest, [], []),
  shift(shiftTest, rep(1, 6), rep(0, 6)),
  shift(shiftTest, [...rep(1, 6), -1], rep(0, 7)),
  shift(shiftTest, [...rep(1, 8), -1], [...rep(0, 6), 1, 1, 0]),
  shift(shiftTest, [...rep(-1, 8), 1], [...rep(0, 6), 1, 1, 0]),
  shift('ptd_part_of_seven_trend works as expected (b)', [-1, ...rep(1, 8), -1], [...rep(0, 7), 1, 1, 0]),
  shift('ptd_part_of_seven_trend works as expected (d)', [1, ...rep(-1, 8), 1], [...rep(0, 7), 1, 1, 0]),
];

export const nhsrTrendVectors: TrendVector[] = [
  trend([], []),
  trend(seq(1, 6), rep(0, 6)),
  // A repeated value breaks the trend: 1,2,3,3,4,5,6.
  trend([...seq(1, 3), ...seq(3, 6)], rep(0, 7)),
  trend(seq(1, 7), [...rep(0, 6), 1]),
  trend([2, ...seq(1, 7), 3], [...rep(0, 7), 1, 0]),
  trend(seq(7, 1), [...rep(0, 6), -1]),
  trend([2, ...seq(7, 1), 3], [...rep(0, 7), -1, 0]),
];

const twoInThree = (test: string, nearBand: number[], sides: number[], expected: TwoInThreeVector['expected']): TwoInThreeVector => ({
  kind: 'twoInThree',
  source: { repo, file, test },
  nearBand,
  sides,
  expected,
});
const windowsTest = 'ptd_two_in_three works as expected';
const oppositeTest = 'ptd_two_in_three works as expected when points are on opposite sides of the mean';
const partTest = 'ptd_part_of_two_in_three works as expected';

export const nhsrTwoInThreeVectors: TwoInThreeVector[] = [
  twoInThree(windowsTest, [1, 0, 1], [1, 1, 1], { windows: [1, 1, 1] }),
  twoInThree(windowsTest, [0, 1, 1], [1, 1, 1], { windows: [1, 1, 1] }),
  twoInThree(windowsTest, [1, 1, 0], [1, 1, 1], { windows: [1, 1, 1] }),
  twoInThree(windowsTest, [0, 0, 1, 0, 1, 0, 0], rep(1, 7), { windows: [0, 0, 1, 1, 1, 0, 0] }),
  twoInThree(windowsTest, [0, 0, 1, 1, 0, 0, 0], rep(1, 7), { windows: [0, 1, 1, 1, 1, 0, 0] }),
  twoInThree(oppositeTest, [1, 0, 1], [1, -1, 1], { windows: [0, 0, 0] }),
  twoInThree(oppositeTest, [0, 1, 1], [1, -1, 1], { windows: [0, 0, 0] }),
  twoInThree(oppositeTest, [1, 1, 0], [1, -1, 1], { windows: [0, 0, 0] }),
  twoInThree(oppositeTest, [0, 0, 1, 0, 1, 0, 0], [1, -1, 1, -1, 1, -1, 1], { windows: rep(0, 7) }),
  twoInThree(oppositeTest, [0, 0, 1, 1, 0, 0, 0], [-1, 1, -1, 1, -1, 1, -1], { windows: rep(0, 7) }),
  twoInThree(partTest, [1, 0, 1], [1, 1, 1], { flagged: [1, 0, 1] }),
  twoInThree(partTest, [0, 1, 1], [1, 1, 1], { flagged: [0, 1, 1] }),
  twoInThree(partTest, [1, 1, 0], [1, 1, 1], { flagged: [1, 1, 0] }),
  twoInThree(partTest, [0, 0, 1, 0, 1, 0, 0], rep(1, 7), { flagged: [0, 0, 1, 0, 1, 0, 0] }),
  twoInThree(partTest, [0, 0, 1, 1, 0, 0, 0], rep(1, 7), { flagged: [0, 0, 1, 1, 0, 0, 0] }),
  twoInThree(partTest, [1, 0, 0, 1], [1, 1, 1, 1], { flagged: [0, 0, 0, 0] }),
  twoInThree(partTest, [1, 0, 0, 1, 1], [1, 1, 1, 1, 1], { flagged: [0, 0, 0, 1, 1] }),
];
