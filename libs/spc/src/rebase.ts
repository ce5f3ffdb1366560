import { RUN_LENGTH } from './special-cause-rules';
import type { RebaseSuggestion, XmrChart } from './spc-types';

/**
 * Limits are never recalculated automatically (SPEC). NHSRplotthedots' guidance ("Number of points
 * required" vignette) locks the limits "until such time as a long run signal occurs, triggering a
 * change in limits", and MDC recalculates only for a sustained change in the process with a known
 * cause. So Spiral suggests a rebase for the first shift of the current group with at least 7
 * points after the group's baseline (a run may begin on the baseline's last points, which stay in
 * the baseline); a person confirms it with a reason, and the new group starts at the first of those
 * points (SPEC: "at the first point of the signal"). Trends, single points and two-in-three
 * clusters are not sustained changes of level and suggest nothing.
 */
export function suggestRebase(chart: Pick<XmrChart, 'groups' | 'signals'>): RebaseSuggestion | undefined {
  const current = chart.groups.at(-1);
  const lastBaselinePeriod = current?.baselinePeriods.at(-1);
  if (current === undefined || lastBaselinePeriod === undefined || current.mean === null) return undefined;
  for (const signal of chart.signals) {
    const periods = signal.periods.filter((period) => period > lastBaselinePeriod);
    if (signal.rule === 'shift' && periods.length >= RUN_LENGTH) return { fromPeriod: periods[0]!, rule: 'shift', periods };
  }
  return undefined;
}
