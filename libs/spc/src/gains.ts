import { judgedGroup } from './baseline';
import { chartChoice } from './chart-choice';
import { runChartGains } from './run-gains';
import { SUSTAINED_POINTS } from './sustained-points';
import { pointFlags, pointType, signalKind } from './point-types';
import { groupRuns, type RuleRun } from './special-cause-rules';
import { adoptionDate, checkOptions, validPoints } from './spc-input';
import type { GainFact, Improvement, SignalRule, XmrChartInput, XmrLimits } from './spc-types';
import { positionOf, xmrLimits } from './xmr-limits';

export { SUSTAINED_POINTS } from './sustained-points';

/**
 * The gain facts a spiral's measure shows (SPEC "A spiral's gain follows from its chart, judged
 * against the baseline limits"), in time order:
 * - achieved: the first special-cause improvement signal among the points after adoption;
 * - sustained: then 12 consecutive points, all strictly on the improved side of the baseline
 *   centre line, none a special-cause concern;
 * - lost: then a shift of 7 points on the other side of the centre line, or an astronomical point
 *   in the concern direction; after a loss the search for an achievement starts again.
 *
 * Each fact is what a reader would have concluded when the point that fired it arrived: its
 * periods are those at that moment (the first 7 points of a longer shift), and only points up to
 * it are read. So a point later than every other (the usual case) never changes an earlier fact.
 * A point entered late, with a period inside the series already judged, can: it shifts the points
 * after it, and may break the run, trend or cluster a fact rested on, or move the baseline's limits
 * when it falls before the adoption. The facts are a function of the whole series, not of the order
 * points arrived in; the gains process manager compares them with those recorded and withdraws
 * (GainWithdrawn) those the chart no longer shows before recording new ones.
 *
 * Judged against the baseline limits: rebases confirmed after the adoption are ignored here. No
 * facts without an adoption, without a direction, or without two points before the adoption.
 * Where the baseline is too short or too skewed for limits (chartChoice), the spiral's chart is a
 * run chart and its Anhøj signals drive the gains instead (runChartGains).
 */
export function gainsFrom(input: XmrChartInput): GainFact[] {
  checkOptions(input);
  const sorted = validPoints(input.points);
  if (input.adoptedAt === undefined || input.improvement === 'neutral') return [];
  const adoption = adoptionDate(input.adoptedAt);
  const periods = sorted.map((point) => point.period);
  const values = sorted.map((point) => point.value);
  const baselineGroup = judgedGroup(periods, input.rebases ?? [], adoption);
  if (baselineGroup === undefined || periods[baselineGroup.baselineEnd - 1]! > adoption) return [];
  const firstAfter = periods.findIndex((period) => period > adoption);
  if (firstAfter < 0) return [];
  // The chart the spiral shows decides which signals count (spcChart makes the same choice).
  if (chartChoice(values.slice(baselineGroup.start, baselineGroup.baselineEnd)).kind === 'run') {
    return runChartGains(values, periods, baselineGroup, firstAfter, input.improvement);
  }
  const limits = xmrLimits(values.slice(baselineGroup.start, baselineGroup.baselineEnd), input.screenMovingRangeOutliers ?? false);
  if (limits === null) return [];
  return gainFacts(values.slice(firstAfter), periods.slice(firstAfter), limits, input.improvement);
}

interface Firing {
  rule: SignalRule;
  at: number;
  indices: number[];
}

/** The earliest firing among runs found on values[from..], rule precedence breaking ties. */
function firstFiring(values: readonly number[], from: number, limits: XmrLimits, accept: (run: RuleRun) => boolean): Firing | null {
  let first: Firing | null = null;
  for (const run of groupRuns(values.slice(from), limits)) {
    if (!accept(run) || (first !== null && from + run.firedAt >= first.at)) continue;
    first = { rule: run.rule, at: from + run.firedAt, indices: run.firedIndices.map((k) => from + k) };
  }
  return first;
}

function gainFacts(values: number[], periods: string[], limits: XmrLimits, improvement: Improvement): GainFact[] {
  const facts: GainFact[] = [];
  const kindOf = (run: RuleRun): string => signalKind(run.direction, improvement);
  const toPeriods = (indices: readonly number[]): string[] => indices.map((k) => periods[k]!);
  let from = 0;
  for (let gain = 1; from < values.length; gain += 1) {
    const achieved = firstFiring(values, from, limits, (run) => kindOf(run) === 'improvement');
    if (achieved === null) break;
    facts.push({ fact: 'achieved', gain, rule: achieved.rule, periods: toPeriods(achieved.indices) });
    const lost = firstFiring(
      values,
      achieved.at + 1,
      limits,
      (run) => kindOf(run) === 'concern' && (run.rule === 'astronomical' || run.rule === 'shift'),
    );
    const sustained = firstSustained(values, achieved.at + 1, lost?.at ?? values.length, limits, improvement);
    if (sustained !== null) facts.push({ fact: 'sustained', gain, rule: 'sustained12', periods: toPeriods(sustained) });
    if (lost === null) break;
    facts.push({ fact: 'lost', gain, rule: lost.rule, periods: toPeriods(lost.indices) });
    from = lost.at + 1;
  }
  return facts;
}

/**
 * The first 12 consecutive points in [from, until) strictly on the improved side of the centre
 * line (a point on it breaks the run, as it breaks a shift) with none typed a concern on the
 * chart of the points after adoption as it stood when the twelfth arrived (a falling trend still
 * above the mean is a concern for a measure that should rise).
 */
function firstSustained(
  values: readonly number[],
  from: number,
  until: number,
  limits: XmrLimits,
  improvement: Improvement,
): number[] | null {
  const goodSide = improvement === 'decrease' ? -1 : 1;
  let runStart = from;
  for (let k = from; k < until; k += 1) {
    if (positionOf(values[k]!, limits).side !== goodSide) {
      runStart = k + 1;
      continue;
    }
    if (k - runStart + 1 < SUSTAINED_POINTS) continue;
    const window = Array.from({ length: SUSTAINED_POINTS }, (_, j) => k - SUSTAINED_POINTS + 1 + j);
    const seen = values.slice(0, k + 1);
    const flags = pointFlags(groupRuns(seen, limits), seen.length);
    if (window.every((index) => pointType(flags[index] ?? null, improvement) !== 'concern')) return window;
  }
  return null;
}
