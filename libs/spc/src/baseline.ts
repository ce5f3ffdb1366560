import { BASELINE_POINTS, MIN_POINTS_FOR_LIMITS } from './xmr-limits';

/** One group of consecutive points sharing limits: indices [start, end) and its baseline's end. */
export interface GroupSlice {
  start: number;
  end: number;
  /** Exclusive end of the baseline: points [start, baselineEnd) give the limits. */
  baselineEnd: number;
}

/**
 * Where groups start: at 0, and at each confirmed rebase. A rebase starts its group at the first
 * point whose period is on or after it (NHSRplotthedots' ptd_add_rebase_column marks the point
 * dated exactly on the rebase; a rebase confirmed for a period with no point still takes effect at
 * the next one here). Rebases before the second point or after the last change nothing.
 */
export function groupStarts(periods: readonly string[], rebases: readonly string[]): number[] {
  const starts = new Set<number>([0]);
  for (const rebase of rebases) {
    const index = periods.findIndex((period) => period >= rebase);
    if (index > 0) starts.add(index);
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * A group's baseline (SPEC): its first 20 points before the adoption, or all of those when fewer;
 * its first 20 points when there is no adoption or the group starts after it. A group with fewer
 * than two points before the adoption cannot have limits from them, so it too takes its first
 * 20 points: the chart still shows limits, but gainsFrom judges no gain against such a baseline.
 */
export function baselineEnd(periods: readonly string[], start: number, end: number, adoption?: string): number {
  const firstTwenty = Math.min(end, start + BASELINE_POINTS);
  if (adoption === undefined) return firstTwenty;
  let beforeAdoption = start;
  while (beforeAdoption < firstTwenty && periods[beforeAdoption]! <= adoption) beforeAdoption += 1;
  return beforeAdoption - start >= MIN_POINTS_FOR_LIMITS ? beforeAdoption : firstTwenty;
}

/** The groups of a chart, each with its baseline, from sorted periods. */
export function groupSlices(periods: readonly string[], rebases: readonly string[], adoption?: string): GroupSlice[] {
  if (periods.length === 0) return [];
  const starts = groupStarts(periods, rebases);
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? periods.length;
    return { start, end, baselineEnd: baselineEnd(periods, start, end, adoption) };
  });
}

/**
 * The group whose baseline a spiral is judged against: with an adoption, the last group begun at or
 * before it (rebases confirmed after the adoption do not move the baseline gains are judged on);
 * without one, the current group. Its baseline picks the chart too (chartChoice).
 */
export function judgedGroup(periods: readonly string[], rebases: readonly string[], adoption?: string): GroupSlice | undefined {
  const considered = adoption === undefined ? rebases : rebases.filter((rebase) => rebase <= adoption);
  return groupSlices(periods, considered, adoption).at(-1);
}
