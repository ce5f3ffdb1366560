import { month, rep } from './vector-types';

/**
 * The baseline every hand-made series starts from: 20 monthly points alternating 10 and 12 from
 * January 2021 (so December 2021's point, index 11, is 12 and August 2022's, index 19, is 12).
 * Mean 11; every moving range 2, so the limits are 11 ± 2.66 × 2 = 5.68 and 16.32, and the
 * near-limit lines 11 ± 3.5467 = 7.4533 and 14.5467. Alternating, it has no run and no trend.
 */
export const baseline: number[] = rep(0, 20).map((_, k) => (k % 2 === 0 ? 10 : 12));

/** Period of the point at `index` in a hand-made series. */
export const p = (index: number): string => month(index);

/** Periods of the points from `from` to `to`, both included. */
export const ps = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, k) => month(from + k));

/** The adoption of every gains series: the day the twentieth point (index 19) stands for. */
export const adoptedAfterBaseline = p(19);

/** Seven points just above the mean, neither a trend nor near a limit: a shift up. */
export const sevenAbove = [11.5, 11.8, 11.5, 11.8, 11.5, 11.8, 11.5];

/** Seven points just below the mean: a shift down. */
export const sevenBelow = [10.5, 10.2, 10.5, 10.2, 10.5, 10.2, 10.5];

/** Seven rising points crossing the mean (3 below, 4 above): a trend up, no shift, no band. */
export const sevenRising = [8, 9, 10, 11.5, 12.5, 13, 14];
