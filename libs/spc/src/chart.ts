import { assuranceOf } from './assurance';
import { groupSlices } from './baseline';
import { pointFlags, pointType, signalKind } from './point-types';
import { suggestRebase } from './rebase';
import { groupRuns } from './special-cause-rules';
import { adoptionDate, checkOptions, validPoints } from './spc-input';
import {
  SIGNAL_RULES,
  type Signal,
  type XmrChart,
  type XmrChartInput,
  type XmrChartPoint,
  type XmrGroup,
  type XmrLimits,
} from './spc-types';
import { TRIAL_BELOW_POINTS, xmrLimits } from './xmr-limits';

function group(fromPeriod: string, baselinePeriods: string[], limits: XmrLimits | null): XmrGroup {
  return {
    fromPeriod,
    mean: limits?.mean ?? null,
    averageMovingRange: limits?.averageMovingRange ?? null,
    lowerLimit: limits?.lowerLimit ?? null,
    upperLimit: limits?.upperLimit ?? null,
    nearLowerLimit: limits?.nearLowerLimit ?? null,
    nearUpperLimit: limits?.nearUpperLimit ?? null,
    trial: limits === null || baselinePeriods.length < TRIAL_BELOW_POINTS,
    baselinePeriods,
  };
}

/**
 * An XmR chart as MDC draws it (SPEC "Statistical process control"): per group, limits from the
 * baseline extended over the group's later points, every point typed by the four rules, one signal
 * per run or cluster, assurance against the target from the current group, and a rebase
 * suggestion when a shift follows the current baseline. Rules never look across a group boundary
 * (NHSRplotthedots groups by `rebase_group`). Throws SpcInputError for input it cannot chart.
 */
export function xmrChart(input: XmrChartInput): XmrChart {
  checkOptions(input);
  const sorted = validPoints(input.points);
  const adoption = input.adoptedAt === undefined ? undefined : adoptionDate(input.adoptedAt);
  const periods = sorted.map((point) => point.period);
  const values = sorted.map((point) => point.value);
  const points: XmrChartPoint[] = [];
  const groups: XmrGroup[] = [];
  const signals: { signal: Signal; start: number; rank: number }[] = [];

  groupSlices(periods, input.rebases ?? [], adoption).forEach((slice, groupIndex) => {
    const groupValues = values.slice(slice.start, slice.end);
    const limits = xmrLimits(values.slice(slice.start, slice.baselineEnd), input.screenMovingRangeOutliers ?? false);
    groups.push(group(periods[slice.start]!, periods.slice(slice.start, slice.baselineEnd), limits));
    const runs = groupRuns(groupValues, limits);
    const flags = pointFlags(runs, groupValues.length);
    groupValues.forEach((value, k) => {
      const flag = flags[k] ?? null;
      points.push({
        period: periods[slice.start + k]!,
        value,
        movingRange: k === 0 ? null : Math.abs(value - groupValues[k - 1]!),
        type: pointType(flag, input.improvement),
        rule: flag?.rule ?? null,
        group: groupIndex,
      });
    });
    for (const run of runs) {
      const signal: Signal = {
        rule: run.rule,
        kind: signalKind(run.direction, input.improvement),
        direction: run.direction,
        periods: run.indices.map((k) => periods[slice.start + k]!),
      };
      signals.push({ signal, start: slice.start + run.start, rank: SIGNAL_RULES.indexOf(run.rule) });
    }
  });

  const current = groups.at(-1);
  const currentLimits =
    current?.lowerLimit != null && current.upperLimit != null ? { lowerLimit: current.lowerLimit, upperLimit: current.upperLimit } : null;
  const chart: XmrChart = {
    points,
    groups,
    mean: current?.mean ?? null,
    lowerLimit: current?.lowerLimit ?? null,
    upperLimit: current?.upperLimit ?? null,
    nearLowerLimit: current?.nearLowerLimit ?? null,
    nearUpperLimit: current?.nearUpperLimit ?? null,
    trial: current?.trial ?? true,
    // Signals in time order, then by rule precedence, so the list reads the same on every rebuild.
    signals: signals.sort((a, b) => a.start - b.start || a.rank - b.rank).map((entry) => entry.signal),
  };
  const assurance = assuranceOf(currentLimits, input.target, input.improvement);
  if (assurance !== undefined) chart.assurance = assurance;
  const suggestedRebase = suggestRebase(chart);
  if (suggestedRebase !== undefined) chart.suggestedRebase = suggestedRebase;
  return chart;
}
