import type { XmrLimits } from './spc-types';

/**
 * XmR constants as MDC and NHSRplotthedots use them (R/ptd_spc_standard.R: `limit <- 2.66`,
 * `limitclose <- 2 * (limit / 3)`): 2.66 = 3 / d2 with d2 = 1.128 for moving ranges of two, rounded
 * as the MDC guidance "Making Data Count: Strengthening your decisions" prints it. The near-limit
 * line sits two-thirds of the way to a limit: 2 × 2.66 / 3 = 1.77333… (SPEC writes 1.7733); the exact
 * fraction is kept so results match nhspy-plotthedots' limits_calculations to the last digit.
 */
export const LIMIT_FACTOR = 2.66;
export const NEAR_LIMIT_FACTOR = (2 * LIMIT_FACTOR) / 3;

/**
 * Moving-range screening (Nelson 1982, as NHSRplotthedots' `screen_outliers`): a moving range of
 * 3.267 × the mean moving range or more (3.267 = D4, the upper limit of the mR chart) is dropped and
 * the mean recomputed once. MDC's Excel tools do not screen (NHSRplotthedots vignette
 * "Deviations from Excel defaults"), so it is off unless asked for.
 */
export const SCREENING_FACTOR = 3.267;

/** Fewer baseline points than this and the limits are trial limits (NHSRplotthedots: n < 12). */
export const TRIAL_BELOW_POINTS = 12;

/** At most this many points form a baseline (SPEC; MDC's Excel tool takes 12 to 20). */
export const BASELINE_POINTS = 20;

/**
 * The fewest baseline points that give limits: one moving range needs two points. NHSRplotthedots
 * and PowerBI-SPC draw limits from two points (flagged as trial here); MDC's single-chart tool shows
 * them from 13 (NHSRplotthedots issue #194) — Spiral shows trial limits early instead.
 */
export const MIN_POINTS_FOR_LIMITS = 2;

/** |x(i) − x(i−1)| for each point after the first. */
export function movingRanges(values: readonly number[]): number[] {
  return values.slice(1).map((value, index) => Math.abs(value - values[index]!));
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Centre line and limits from baseline values; null with fewer than two values. The moving ranges
 * are those between consecutive baseline values only, as NHSRplotthedots computes them on `fix_y`.
 */
export function xmrLimits(baseline: readonly number[], screenMovingRangeOutliers = false): XmrLimits | null {
  if (baseline.length < MIN_POINTS_FOR_LIMITS) return null;
  const centre = mean(baseline);
  const ranges = movingRanges(baseline);
  let averageMovingRange = mean(ranges);
  if (screenMovingRangeOutliers) {
    // NHSRplotthedots keeps `mr < 3.267 * amr`: a range exactly at the threshold is dropped too.
    const kept = ranges.filter((range) => range < SCREENING_FACTOR * averageMovingRange);
    if (kept.length > 0) averageMovingRange = mean(kept);
  }
  return {
    mean: centre,
    averageMovingRange,
    lowerLimit: centre - LIMIT_FACTOR * averageMovingRange,
    upperLimit: centre + LIMIT_FACTOR * averageMovingRange,
    nearLowerLimit: centre - NEAR_LIMIT_FACTOR * averageMovingRange,
    nearUpperLimit: centre + NEAR_LIMIT_FACTOR * averageMovingRange,
  };
}

/** Where a value lies against a group's limits: the facts the special-cause rules read. */
export interface PointPosition {
  /** +1 above the centre line, −1 below, 0 exactly on it (which breaks a shift). */
  side: -1 | 0 | 1;
  /** Strictly outside a process limit (a point on a limit is inside). */
  beyond: boolean;
  /** Strictly past a near-limit line but not beyond the limit: MDC's outer third. */
  nearBand: boolean;
}

export function positionOf(value: number, limits: XmrLimits): PointPosition {
  const side = value > limits.mean ? 1 : value < limits.mean ? -1 : 0;
  const beyond = value > limits.upperLimit || value < limits.lowerLimit;
  // NHSRplotthedots: close_to_limits = !outside_limits & (y < nlpl | y > nupl).
  const nearBand = !beyond && (value > limits.nearUpperLimit || value < limits.nearLowerLimit);
  return { side, beyond, nearBand };
}
