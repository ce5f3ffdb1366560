/** Which way is better for a measure (the catalogue's Measure.improvement). */
export type Direction = 'increase' | 'decrease';

/**
 * The relative change from a baseline to a later level, signed so that positive is better:
 * (after − baseline) / |baseline| for a measure that should rise, (baseline − after) / |baseline|
 * for one that should fall. The relative change of Törnqvist, Vartia and Vartia ("How should
 * relative changes be measured?", The American Statistician 39(1), 1985), oriented by the measure's
 * improvement direction. Null for a baseline of zero, where no relative change exists.
 */
export function relativeImprovement(baseline: number, after: number, direction: Direction): number | null {
  if (baseline === 0) return null;
  const change = (after - baseline) / Math.abs(baseline);
  return direction === 'increase' ? change : -change;
}
