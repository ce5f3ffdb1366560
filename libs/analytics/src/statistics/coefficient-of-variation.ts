import { describe, type Description } from './descriptive';

export interface CoefficientOfVariation extends Description {
  /** sd / mean; null for no values or a mean of zero, where it is undefined. */
  readonly cv: number | null;
}

/**
 * The coefficient of variation, sd / mean (Everitt BS, Skrondal A, The Cambridge Dictionary of
 * Statistics, 4th ed., 2010): variation relative to the level, so areas with low and high uptake
 * compare on one scale. Small-area variation studies in health care summarise variation across
 * areas with it (McPherson K et al., "Small-area variations in the use of common surgical
 * procedures", N Engl J Med 307, 1982). Uses the population sd (see descriptive.ts).
 */
export function coefficientOfVariation(values: readonly number[]): CoefficientOfVariation {
  const description = describe(values);
  const { mean, sd } = description;
  return { ...description, cv: mean === null || sd === null || mean === 0 ? null : sd / mean };
}
