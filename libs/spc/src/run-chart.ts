import { median, runsAnalysis } from './anhoej-rules';
import type { GroupSlice } from './baseline';
import type { ChartChoice } from './chart-choice';
import { pointType, signalKind } from './point-types';
import type { Direction, Improvement, MeasurePoint, RunChart, RunChartPoint, RunSignal } from './spc-types';

const sideOf = (sign: number): Direction => (sign > 0 ? 'up' : 'down');

/**
 * The side most useful points lie on, for a few-crossings signal (it says the process shifted, not
 * where): the points after the baseline when there are any, else all; the longest run's on a tie.
 */
function crossingsDirection(values: readonly number[], centre: number, baselineLength: number, longestRunSide: number): Direction {
  const after = values.slice(baselineLength);
  const balance = (after.length > 0 ? after : values).reduce((sum, value) => sum + Math.sign(value - centre), 0);
  return sideOf(balance === 0 ? longestRunSide : balance);
}

/**
 * A run chart as qicharts2 draws one (`qic(y)`, with `freeze` at the end of the baseline): the
 * centre line is the median of the baseline, and the Anhøj rules run over the points from the
 * baseline's first on (earlier points, before a rebase, are drawn but not judged). The points of a
 * longest run that signals are typed by its direction; too few crossings types no point.
 */
export function runChart(points: readonly MeasurePoint[], group: GroupSlice | undefined, choice: Extract<ChartChoice, { kind: 'run' }>, improvement: Improvement): RunChart {
  const values = points.map((point) => point.value);
  const start = group?.start ?? 0;
  const baseline = group === undefined ? [] : values.slice(group.start, group.baselineEnd);
  const centre = median(baseline);
  const judged = values.slice(start);
  const analysis = centre === null ? null : runsAnalysis(judged, centre);
  const signals: RunSignal[] = [];
  const flagged = new Map<number, Direction>();
  if (analysis?.longestRunSignal) {
    const direction = sideOf(analysis.longestRunSide);
    analysis.longestRunIndices.forEach((k) => flagged.set(start + k, direction));
    signals.push({ rule: 'longestRun', kind: signalKind(direction, improvement), direction, periods: analysis.longestRunIndices.map((k) => points[start + k]!.period) });
  }
  if (analysis?.fewCrossingsSignal && centre !== null) {
    const direction = crossingsDirection(judged, centre, baseline.length, analysis.longestRunSide);
    const useful = judged.flatMap((value, k) => (value === centre ? [] : [points[start + k]!.period]));
    signals.push({ rule: 'fewCrossings', kind: signalKind(direction, improvement), direction, periods: useful });
  }
  const chartPoints: RunChartPoint[] = points.map((point, index) => {
    const direction = flagged.get(index);
    return {
      period: point.period,
      value: point.value,
      movingRange: index === 0 ? null : Math.abs(point.value - points[index - 1]!.value),
      type: direction === undefined ? 'common' : pointType({ direction }, improvement),
      rule: direction === undefined ? null : 'longestRun',
      group: 0,
    };
  });
  const runs =
    analysis === null || analysis.useful === 0
      ? null
      : { useful: analysis.useful, longestRun: analysis.longestRun, longestRunMax: analysis.longestRunMax, crossings: analysis.crossings, crossingsMin: analysis.crossingsMin };
  return {
    kind: 'run',
    reason: choice.reason,
    why: choice.why,
    points: chartPoints,
    median: centre,
    baselinePeriods: group === undefined ? [] : points.slice(group.start, group.baselineEnd).map((point) => point.period),
    runs,
    signals,
    mean: null,
    lowerLimit: null,
    upperLimit: null,
    trial: false,
  };
}
