import { longestRunLimit, median, runsAnalysis, sideRuns } from './anhoej-rules';
import type { GroupSlice } from './baseline';
import { SUSTAINED_POINTS } from './sustained-points';
import type { GainFact } from './spc-types';

/**
 * The gain facts of a run chart (SPEC: "the same signals drive gains"), judged against the median
 * of the baseline, each as a reader would have seen it when its point arrived, on the points from
 * the baseline's first up to that point:
 * - achieved: the Anhøj rules signal in the improved direction with points after the adoption (or
 *   the loss before) behind the signal: a longest run on the improved side made of such points, or
 *   too few crossings that the baseline alone did not show, with most such points on that side;
 * - sustained: then 12 consecutive points strictly on the improved side of the median;
 * - lost: then a run on the other side, begun after the gain, longer than the longest-run limit.
 */
export function runChartGains(values: readonly number[], periods: readonly string[], group: GroupSlice, firstAfter: number, improvement: 'increase' | 'decrease'): GainFact[] {
  const centre = median(values.slice(group.start, group.baselineEnd));
  if (centre === null) return [];
  const good = improvement === 'increase' ? 1 : -1;
  const side = (k: number) => Math.sign(values[k]! - centre);
  const analysed = (k: number) => runsAnalysis(values.slice(group.start, k + 1), centre);
  /**
   * A run on `wanted`'s side longer than the limit for the points up to k, counting only its points
   * from `from` on: a run begun in the baseline (or before a loss) is judged by the part after it.
   */
  const longRun = (k: number, from: number, wanted: number): number[] | undefined => {
    const runs = sideRuns(values.slice(group.start, k + 1), centre);
    const limit = longestRunLimit(runs.reduce((sum, run) => sum + run.indices.length, 0));
    return runs
      .filter((run) => run.side === wanted)
      .map((run) => run.indices.map((i) => group.start + i).filter((i) => i >= from))
      .find((indices) => indices.length > limit);
  };
  const baselineCrossingsLow = runsAnalysis(values.slice(group.start, group.baselineEnd), centre).fewCrossingsSignal;
  const facts: GainFact[] = [];
  let from = firstAfter;
  for (let gain = 1; from < values.length; gain += 1) {
    const achieved = firstAchieved(from, gain === 1 && !baselineCrossingsLow);
    if (achieved === null) break;
    facts.push({ fact: 'achieved', gain, rule: achieved.rule, periods: achieved.indices.map((k) => periods[k]!) });
    const lost = firstLost(achieved.at);
    const sustained = firstSustained(achieved.at + 1, lost?.at ?? values.length);
    if (sustained !== null) facts.push({ fact: 'sustained', gain, rule: 'sustained12', periods: sustained.map((k) => periods[k]!) });
    if (lost === null) break;
    facts.push({ fact: 'lost', gain, rule: 'longestRun', periods: lost.indices.map((k) => periods[k]!) });
    from = lost.at + 1;
  }
  return facts;

  function firstAchieved(from: number, crossingsCount: boolean): { rule: 'longestRun' | 'fewCrossings'; at: number; indices: number[] } | null {
    for (let k = from; k < values.length; k += 1) {
      const run = longRun(k, from, good);
      if (run !== undefined) return { rule: 'longestRun', at: k, indices: run };
      const since = Array.from({ length: k - from + 1 }, (_, j) => from + j).filter((i) => side(i) !== 0);
      const onGoodSide = since.filter((i) => side(i) === good);
      if (crossingsCount && analysed(k).fewCrossingsSignal && onGoodSide.length * 2 > since.length) return { rule: 'fewCrossings', at: k, indices: onGoodSide };
    }
    return null;
  }

  function firstLost(after: number): { at: number; indices: number[] } | null {
    for (let k = after + 1; k < values.length; k += 1) {
      const run = longRun(k, after + 1, -good);
      if (run !== undefined) return { at: k, indices: run };
    }
    return null;
  }

  function firstSustained(from: number, until: number): number[] | null {
    let runStart = from;
    for (let k = from; k < until; k += 1) {
      if (side(k) !== good) runStart = k + 1;
      else if (k - runStart + 1 >= SUSTAINED_POINTS) return Array.from({ length: SUSTAINED_POINTS }, (_, j) => k - SUSTAINED_POINTS + 1 + j);
    }
    return null;
  }
}
