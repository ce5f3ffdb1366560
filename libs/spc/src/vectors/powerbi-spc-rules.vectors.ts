import { rep, type AstronomicalVector, type ShiftVector, type TrendVector, type TwoInThreeVector } from './vector-types';

/**
 * AUS-DOH-Safety-and-Quality/PowerBI-SPC, test/Outlier Flagging/*.test.ts: inputs and expected
 * flags ('upper' = 1, 'lower' = −1, 'none' = 0) as published, for runs of n points.
 */
const repo = 'AUS-DOH-Safety-and-Quality/PowerBI-SPC';

const trend = (test: string, values: number[], length: number, flags: number[]): TrendVector => ({
  kind: 'trend',
  source: { repo, file: 'test/Outlier Flagging/trend.test.ts', test },
  values,
  length,
  expected: { flags },
});

export const powerbiTrendVectors: TrendVector[] = [
  trend("should return 'none' when no trend is detected", [5, 6, 5, 6, 5, 6, 5], 5, rep(0, 7)),
  trend('should detect upward trend when n consecutive increases (n=5)', [1, 2, 3, 4, 5, 6, 5], 5, [...rep(1, 6), 0]),
  trend('should detect downward trend when n consecutive decreases (n=5)', [6, 5, 4, 3, 2, 1, 2], 5, [...rep(-1, 6), 0]),
  trend('should detect trend exactly at n points (n=3)', [1, 2, 3, 4, 2], 3, [1, 1, 1, 1, 0]),
  trend('should reset when trend is interrupted', [1, 2, 3, 2, 3, 4, 5, 6], 4, [0, 0, 0, 1, 1, 1, 1, 1]),
  trend('should handle equal consecutive values (no trend)', [5, 5, 5, 5, 5], 3, rep(0, 5)),
  trend('should handle empty arrays', [], 5, []),
  trend('should handle single point', [5], 3, [0]),
  trend('should detect trend with n=2 (any consecutive increase/decrease)', [1, 2, 1, 3, 2], 2, [1, -1, 1, -1, -1]),
  trend('should backfill all points in a long trend sequence (n=7)', [1, 2, 3, 4, 5, 6, 7, 6], 7, [...rep(1, 7), 0]),
  trend('should work with negative values trending upward', [-5, -4, -3, -2, -1], 4, rep(1, 5)),
  trend('should work with negative values trending downward', [-1, -2, -3, -4, -5], 4, rep(-1, 5)),
  trend('should handle mixed increases and decreases with no sustained trend', [1, 3, 2, 4, 3, 5], 4, rep(0, 6)),
  trend('should detect trend that continues to end of array', [1, 2, 3, 4, 5], 4, rep(1, 5)),
  trend('should handle slight variations in an overall trend', [1.0, 1.1, 1.2, 1.3, 1.4], 4, rep(1, 5)),
];

const shift = (test: string, values: number[], centre: number, length: number, flags: number[]): ShiftVector => ({
  kind: 'shift',
  source: { repo, file: 'test/Outlier Flagging/shift.test.ts', test },
  values,
  centre: rep(centre, values.length),
  length,
  expected: { flags },
});

export const powerbiShiftVectors: ShiftVector[] = [
  shift("should return 'none' when no shift is detected (n=7)", [5, 6, 4, 5, 6, 4, 5], 5, 7, rep(0, 7)),
  shift('should detect upper shift when n consecutive points are above target (n=5)', [5, 6, 6, 6, 6, 6, 5], 5, 5, [0, ...rep(1, 5), 0]),
  shift('should detect lower shift when n consecutive points are below target (n=5)', [5, 4, 4, 4, 4, 4, 5], 5, 5, [0, ...rep(-1, 5), 0]),
  shift('should detect shift exactly at n points (n=3)', [5, 6, 6, 6, 5], 5, 3, [0, 1, 1, 1, 0]),
  shift('should not detect shift when n-1 consecutive points are on same side (n=4)', [5, 6, 6, 6, 5], 5, 4, rep(0, 5)),
  shift('should reset when shift is interrupted', [6, 6, 6, 5, 6, 6, 6, 6], 5, 4, [0, 0, 0, 0, 1, 1, 1, 1]),
  {
    ...shift('should work with varying targets', [6, 7, 8, 9, 10], 0, 3, rep(1, 5)),
    centre: [5, 6, 7, 8, 9],
  },
  shift('should handle points exactly on target as no shift', [5, 5, 5, 5, 5], 5, 3, rep(0, 5)),
  shift('should handle empty arrays', [], 5, 5, []),
  shift('should detect shift with n=1 (any point different from target)', [5, 6, 5, 4, 5], 5, 1, [0, 1, 0, -1, 0]),
  shift('should detect multiple consecutive shifts', [6, 6, 6, 6, 4, 4, 4, 4, 5], 5, 3, [...rep(1, 4), ...rep(-1, 4), 0]),
  shift('should backfill all points in a long shift sequence (n=7)', [6, 6, 6, 6, 6, 6, 6, 5], 5, 7, [...rep(1, 7), 0]),
  shift('should handle alternating values around target (no shift)', [6, 4, 6, 4, 6, 4], 5, 3, rep(0, 6)),
  shift('should work with negative values', [-2, -2, -2, -2], -3, 3, rep(1, 4)),
];

const twoInThreeFile = 'test/Outlier Flagging/twoInThree.test.ts';
/**
 * PowerBI-SPC counts any point past the 2-sigma line (beyond the limits too) and lets the third
 * point lie anywhere. MDC's single-chart tool and NHSRplotthedots (issue #143) need all three on
 * one side of the mean; in these cases the third point is 5, exactly on the centre line midway
 * between the 2-sigma lines 0 and 10, which breaks the window. Those expectations are adjusted to
 * no flag (SPEC: "two of three consecutive points in the near-limit band on the same side").
 */
const sameSideNote = 'Adjusted: published flags the pair, but the third point (5) is on the centre line; MDC and NHSRplotthedots need all three on one side (SPEC), so none.';
const twoInThree = (test: string, values: number[], flags: number[], note?: string): TwoInThreeVector => ({
  kind: 'twoInThree',
  source: { repo, file: twoInThreeFile, test, ...(note ? { note } : {}) },
  values,
  twoSigma: { lower: 0, upper: 10 },
  expected: { flags },
});

export const powerbiTwoInThreeVectors: TwoInThreeVector[] = [
  twoInThree("should return 'none' when no points are outside 95% limits", [5, 6, 7, 8, 9], rep(0, 5)),
  twoInThree('should detect two-in-three upper violations (2 out of 3 above upper limit)', [5, 11, 11, 5, 5, 5], rep(0, 6), sameSideNote),
  twoInThree('should detect two-in-three lower violations (2 out of 3 below lower limit)', [5, -1, -1, 5, 5, 5], rep(0, 6), sameSideNote),
  twoInThree('should detect pattern: outside, inside, outside (3 consecutive with 2 outside)', [11, 5, 11, 5, 5], rep(0, 5), sameSideNote),
  twoInThree('should detect pattern: inside, outside, outside (3 consecutive with 2 outside)', [5, 11, 11, 5, 5], rep(0, 5), sameSideNote),
  twoInThree('should not detect when only 1 out of 3 points is outside limits', [11, 5, 5, 5, 5], rep(0, 5)),
  twoInThree('should detect when all 3 out of 3 points are outside limits', [5, 11, 11, 11, 5, 5], [0, 1, 1, 1, 0, 0]),
  twoInThree('should handle mixed upper and lower violations separately', [5, 11, 11, -1, 5, 5], rep(0, 6), sameSideNote),
  twoInThree('should detect consecutive two-in-three patterns', [5, 11, 11, 5, 11, 11, 5], rep(0, 7), sameSideNote),
  twoInThree('should handle empty arrays', [], []),
  twoInThree('should handle single point', [11], [0]),
  twoInThree('should handle three points with exactly 2 outside', [5, 11, 11, 5], rep(0, 4), sameSideNote),
  twoInThree('should not flag points on the 95% limits', [10, 10, 5, 5, 5], rep(0, 5)),
  twoInThree('should detect lower two-in-three pattern', [5, -1, -1, 5, 5], rep(0, 5), sameSideNote),
  twoInThree('should handle rolling window correctly (continuous pattern)', [5, 11, 11, 5, 11, 5, 5], rep(0, 7), sameSideNote),
];

const astronomical = (test: string, values: number[], lowerLimit: number, upperLimit: number, flags: number[]): AstronomicalVector => ({
  kind: 'astronomical',
  source: { repo, file: 'test/Outlier Flagging/astronomical.test.ts', test },
  values,
  lowerLimit,
  upperLimit,
  expected: { flags },
});

export const powerbiAstronomicalVectors: AstronomicalVector[] = [
  astronomical("should return 'none' when all points are within control limits", [5, 6, 7, 8, 9], 0, 10, rep(0, 5)),
  astronomical("should return 'upper' when points exceed upper control limit", [5, 11, 7, 12, 9], 0, 10, [0, 1, 0, 1, 0]),
  astronomical("should return 'lower' when points fall below lower control limit", [5, -1, 7, -2, 9], 0, 10, [0, -1, 0, -1, 0]),
  astronomical('should correctly identify both upper and lower outliers in the same dataset', [5, 11, -1, 8, 12], 0, 10, [0, 1, -1, 0, 1]),
  astronomical("should handle points exactly on the control limits as 'none'", [0, 5, 10], 0, 10, [0, 0, 0]),
  astronomical('should handle empty arrays', [], 0, 10, []),
  astronomical('should handle single point within limits', [5], 0, 10, [0]),
  astronomical('should handle single point outside limits', [15], 0, 10, [1]),
  astronomical('should work with negative control limits', [-15, -10, -5, 0, 5], -20, 0, [0, 0, 0, 0, 1]),
];
