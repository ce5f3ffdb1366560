/** One measured figure: the value of each run, summarised as median, min and max. */
export interface Figure {
  readonly benchmark: string;
  readonly name: string;
  readonly unit: string;
  readonly runs: readonly number[];
  /** The target, in words ("≥ 0.7"), when it sets one. */
  readonly target?: string;
  /** Whether the median meets the target, when there is one. */
  readonly met?: boolean;
  /** What the figure depends on (sizes, concurrency), in a few words. */
  readonly note?: string;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

/** A figure whose target is "at least" a value. */
export function atLeast(figure: Omit<Figure, 'target' | 'met'>, target: number): Figure {
  return { ...figure, target: `≥ ${target.toLocaleString('en-GB')}`, met: spreadOf(figure.runs).median >= target };
}

/** A figure whose target is "below" a value. */
export function below(figure: Omit<Figure, 'target' | 'met'>, target: number): Figure {
  return { ...figure, target: `< ${target.toLocaleString('en-GB')}`, met: spreadOf(figure.runs).median < target };
}

/** Runs one measurement `times` times, one after another, and hands back every run's result. */
export async function repeat<T>(times: number, run: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < times; index++) results.push(await run(index));
  return results;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-GB');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
