import { judgedGroup } from './baseline';
import { chartChoice } from './chart-choice';
import { xmrChart } from './chart';
import { runChart } from './run-chart';
import { adoptionDate, checkOptions, validPoints } from './spc-input';
import type { SpcChart, XmrChartInput } from './spc-types';

/**
 * A spiral's chart (SPEC "Statistical process control"): the XmR chart where its baseline gives
 * limits, else the run chart with the Anhøj rules; either says which it is and why. The baseline
 * judged is the one gains are judged against (judgedGroup), so the chart shown and the gains agree.
 */
export function spcChart(input: XmrChartInput): SpcChart {
  checkOptions(input);
  const sorted = validPoints(input.points);
  const adoption = input.adoptedAt === undefined ? undefined : adoptionDate(input.adoptedAt);
  const group = judgedGroup(
    sorted.map((point) => point.period),
    input.rebases ?? [],
    adoption,
  );
  const choice = chartChoice(group === undefined ? [] : sorted.slice(group.start, group.baselineEnd).map((point) => point.value));
  if (choice.kind === 'xmr') return { ...xmrChart(input), kind: 'xmr', why: choice.why };
  return runChart(sorted, group, choice, input.improvement);
}
