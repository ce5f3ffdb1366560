import type { Direction, SignalRule, XmrLimits } from './spc-types';
import { positionOf, type PointPosition } from './xmr-limits';

/**
 * The four MDC special-cause rules over one group's points, each as maximal runs or clusters.
 * Sources: MDC guidance "Making Data Count: Strengthening your decisions" (NHS England), and the
 * implementations NHSRplotthedots (R/ptd_calculate_point_type.R), nhspy-plotthedots
 * (pandas_spc_calculations.py) and PowerBI-SPC (src/Outlier Flagging/*.ts).
 */
export interface RuleRun {
  rule: SignalRule;
  direction: Direction;
  /** First and last index of the pattern (for two-in-three, of its qualifying windows). */
  start: number;
  end: number;
  /** Every point the rule flags, in order. */
  indices: number[];
  /** The index whose arrival first completed the pattern: where a live reader saw it fire. */
  firedAt: number;
  /** The points flagged at that moment (the first 7 of a long run, the first window's pair…). */
  firedIndices: number[];
}

/** Seven points for a trend or a shift (SPEC; MDC's tool also offers six, NHSRplotthedots #202). */
export const RUN_LENGTH = 7;

const direction = (sign: number): Direction => (sign > 0 ? 'up' : 'down');
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, k) => from + k);

function run(rule: SignalRule, sign: number, start: number, end: number, length: number): RuleRun {
  const indices = range(start, end);
  return { rule, direction: direction(sign), start, end, indices, firedAt: start + length - 1, firedIndices: indices.slice(0, length) };
}

/** A single point strictly outside a process limit; one run per point. */
export function astronomicalRuns(positions: readonly PointPosition[]): RuleRun[] {
  return positions.flatMap((position, index) =>
    position.beyond && position.side !== 0 ? [run('astronomical', position.side, index, index, 1)] : [],
  );
}

/**
 * Trend: `length` points each strictly higher (or lower) than the one before, i.e. length − 1
 * rises in a row. All three implementations count points, not comparisons: NHSRplotthedots looks
 * at `y[i - 0:6]` (7 points, 6 differences), nhspy's seven_point_trend flags index 6 of 1..10,
 * PowerBI-SPC's trend(val, n) sums n − 1 signs. A tie gives a zero difference and breaks the run
 * (`all(d == 1)` fails), though the old NHS run-chart guide let ties neither add nor break
 * (NHSRplotthedots PR #24); SPEC says a tie breaks it. The side of the mean does not matter.
 * A peak or trough ends one run and starts the next, so it belongs to both.
 */
export function trendRuns(values: readonly number[], length = RUN_LENGTH): RuleRun[] {
  const runs: RuleRun[] = [];
  let start = 0;
  let sign = 0;
  const close = (end: number): void => {
    if (sign !== 0 && end - start + 1 >= length) runs.push(run('trend', sign, start, end, length));
  };
  for (let index = 1; index < values.length; index += 1) {
    const step = Math.sign(values[index]! - values[index - 1]!);
    if (step !== 0 && step === sign) continue;
    close(index - 1);
    sign = step;
    start = step === 0 ? index : index - 1;
  }
  close(values.length - 1);
  return runs;
}

/**
 * Shift: `length` or more consecutive points on one side of the centre line. A point exactly on
 * the mean breaks it (NHSRplotthedots: `vp[[i]] != 0`; PowerBI-SPC: sign 0 adds nothing), unlike
 * nhspy-plotthedots, whose relative_to_mean puts a point on the mean above it.
 */
export function shiftRuns(sides: readonly number[], length = RUN_LENGTH): RuleRun[] {
  const runs: RuleRun[] = [];
  let start = 0;
  for (let index = 1; index <= sides.length; index += 1) {
    if (index < sides.length && sides[index] === sides[start]) continue;
    const side = sides[start] ?? 0;
    if (side !== 0 && index - start >= length) runs.push(run('shift', side, start, index - 1, length));
    start = index;
  }
  return runs;
}

/**
 * Two of three consecutive points in the near-limit band, as MDC's single-chart tool and
 * NHSRplotthedots (fix for issue #143) apply it: all three points on the same side of the mean
 * (`abs(sum(rtm)) == 3`, so a point on the mean breaks the window), at least two of them strictly
 * past the near-limit line, and only those flagged (ptd_part_of_two_in_three), not the third.
 * Points beyond a limit do not count towards the two (SPEC; NHSRplotthedots issue #153). Differs
 * from MDC's tool since its Nov 2023 change (issue #194: points beyond a limit count too) and from
 * PowerBI-SPC (any point beyond the 2-sigma line counts; the third point may lie anywhere).
 * Overlapping qualifying windows make one cluster.
 */
export function twoInThreeRuns(positions: readonly PointPosition[]): RuleRun[] {
  const runs: RuleRun[] = [];
  for (let first = 0; first + 2 < positions.length; first += 1) {
    const window = positions.slice(first, first + 3);
    const side = window[0]!.side;
    const qualifies = side !== 0 && window.every((p) => p.side === side) && window.filter((p) => p.nearBand).length >= 2;
    if (!qualifies) continue;
    const last = runs.at(-1);
    const bandIn = (from: number, to: number): number[] => range(from, to).filter((i) => positions[i]!.nearBand);
    if (last && first <= last.end) {
      last.end = first + 2;
      last.indices = bandIn(last.start, last.end);
    } else {
      const firedIndices = bandIn(first, first + 2);
      const end = first + 2;
      runs.push({ rule: 'twoInThree', direction: direction(side), start: first, end, indices: firedIndices, firedAt: end, firedIndices });
    }
  }
  return runs;
}

/** Every run of every rule over one group, in rule precedence order. */
export function specialCauseRuns(values: readonly number[], positions: readonly PointPosition[]): RuleRun[] {
  return [
    ...astronomicalRuns(positions),
    ...trendRuns(values),
    ...twoInThreeRuns(positions),
    ...shiftRuns(positions.map((position) => position.side)),
  ];
}

/** The special-cause runs of one group's values against its limits; none without limits. */
export function groupRuns(values: readonly number[], limits: XmrLimits | null): RuleRun[] {
  if (limits === null) return [];
  return specialCauseRuns(
    values,
    values.map((value) => positionOf(value, limits)),
  );
}
