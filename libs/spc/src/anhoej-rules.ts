/**
 * The Anhøj rules for run charts, exactly as qicharts2 computes them (anhoej/qicharts2,
 * R/helper.functions.R, `runs.analysis` and `crsignal(method = 'anhoej')`; Anhøj 2014,
 * doi:10.1371/journal.pone.0113825, and 2015, doi:10.1371/journal.pone.0121349):
 * - points on the centre line are dropped; the rest are the `useful` points;
 * - a run is a stretch of consecutive useful points on one side; the longest run signals when it
 *   is longer than round(log2(useful)) + 3 (Schilling 2012);
 * - a crossing is a change of side between consecutive useful points (runs − 1); too few signal
 *   when fewer than qbinom(0.05, useful − 1, 0.5) (Chen 2010).
 */

/** The upper 95 % prediction limit of the longest run among `useful` points. */
export function longestRunLimit(useful: number): number {
  // log2 of an integer is never exactly x.5, so Math.round agrees with R's round half to even.
  return Math.round(Math.log2(useful)) + 3;
}

/**
 * qbinom(p, size, 0.5): the smallest x with P(X ≤ x) ≥ p for X ~ Binomial(size, ½). R's qbinom
 * searches the same way; its fuzz (1 − 64 ε) only matters when the CDF equals p exactly, which a
 * CDF of k / 2^size never does for p = 0.05.
 */
export function binomialHalfQuantile(p: number, size: number): number {
  const logHalf = size * Math.log(0.5);
  let logChoose = 0; // log C(size, 0)
  let cdf = 0;
  for (let x = 0; x < size; x += 1) {
    cdf += Math.exp(logChoose + logHalf);
    if (cdf >= p * (1 - 64 * Number.EPSILON)) return x;
    logChoose += Math.log(size - x) - Math.log(x + 1);
  }
  return Math.max(size, 0);
}

/** The lower 5 % prediction limit of the number of crossings among `useful` points. */
export function crossingsLimit(useful: number): number {
  return binomialHalfQuantile(0.05, Math.max(useful - 1, 0));
}

export interface RunsAnalysis {
  /** Points not on the centre line. */
  readonly useful: number;
  readonly longestRun: number;
  readonly longestRunMax: number;
  readonly crossings: number;
  readonly crossingsMin: number;
  /** Indices (into the values analysed) of the first longest run, and its side: 1 above, −1 below. */
  readonly longestRunIndices: readonly number[];
  readonly longestRunSide: 1 | -1 | 0;
  readonly longestRunSignal: boolean;
  readonly fewCrossingsSignal: boolean;
}

export interface SideRun {
  readonly side: 1 | -1;
  /** Indices into the values analysed; points on the centre line inside it neither break nor count. */
  readonly indices: number[];
}

/** The runs of `values` around `centre` (R's rle over the signs with the zeros dropped). */
export function sideRuns(values: readonly number[], centre: number): SideRun[] {
  const runs: SideRun[] = [];
  values.forEach((value, index) => {
    const side = Math.sign(value - centre);
    if (side === 0 || Number.isNaN(side)) return;
    const last = runs.at(-1);
    if (last?.side === side) last.indices.push(index);
    else runs.push({ side: side as 1 | -1, indices: [index] });
  });
  return runs;
}

/** qicharts2's runs analysis of `values` around `centre`; no signal without a useful point. */
export function runsAnalysis(values: readonly number[], centre: number): RunsAnalysis {
  const runs = sideRuns(values, centre);
  const useful = runs.reduce((sum, run) => sum + run.indices.length, 0);
  if (useful === 0) {
    return { useful, longestRun: 0, longestRunMax: 0, crossings: 0, crossingsMin: 0, longestRunIndices: [], longestRunSide: 0, longestRunSignal: false, fewCrossingsSignal: false };
  }
  const longest = runs.reduce((best, run) => (run.indices.length > best.indices.length ? run : best));
  const longestRunMax = longestRunLimit(useful);
  const crossings = runs.length - 1;
  const crossingsMin = crossingsLimit(useful);
  return {
    useful,
    longestRun: longest.indices.length,
    longestRunMax,
    crossings,
    crossingsMin,
    longestRunIndices: longest.indices,
    longestRunSide: longest.side,
    longestRunSignal: longest.indices.length > longestRunMax,
    fewCrossingsSignal: crossings < crossingsMin,
  };
}

/** The median, as R's stats::median: the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
