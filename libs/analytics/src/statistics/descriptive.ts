/** The count, mean and standard deviation a figure is made of, so a reader can check it. */
export interface Description {
  readonly n: number;
  /** Null for no values. */
  readonly mean: number | null;
  /** Population standard deviation (divisor n); null for no values. */
  readonly sd: number | null;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Population standard deviation, √(Σ(x − x̄)² / n). The views describe every unit there is (all
 * regions, all adopters of a practice), not a sample drawn to estimate a wider population, so the
 * divisor is n rather than n − 1.
 */
export function populationSd(values: readonly number[]): number | null {
  const average = mean(values);
  if (average === null) return null;
  const squares = values.reduce((sum, value) => sum + (value - average) ** 2, 0);
  return Math.sqrt(squares / values.length);
}

export function describe(values: readonly number[]): Description {
  return { n: values.length, mean: mean(values), sd: populationSd(values) };
}

/** The middle value (the mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A share with what it is made of; null when there is nothing to divide by. */
export interface Share {
  readonly numerator: number;
  readonly denominator: number;
  readonly share: number | null;
}

export function shareOf(numerator: number, denominator: number): Share {
  return { numerator, denominator, share: denominator === 0 ? null : numerator / denominator };
}
