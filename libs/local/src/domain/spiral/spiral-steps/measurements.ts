import { InvalidInput, RuleViolated } from '@spiral/decider';
import { MeasurementRecorded, RebaseConfirmed, type FieldProblem } from '@spiral/event-catalogue';
import type { ConfirmRebase, RecordMeasurements } from '../spiral.commands';
import { hasPeriod } from '../recorded-periods';
import type { RecognisedSpiral } from '../spiral.state';
import { assertPeriodRecorded } from './guards';

/**
 * Problems no single point shows: an empty batch, a period given twice, a period not yet come
 * (a measurement describes a period that has happened; SPEC "Events": facts are never in the future).
 */
function batchProblems(command: RecordMeasurements, today: string): FieldProblem[] {
  if (command.points.length === 0) return [{ field: 'points', reason: 'must hold at least one point' }];
  const seen = new Set<string>();
  return command.points.flatMap(({ period }, index): FieldProblem[] => {
    const field = `points.${index}.period`;
    if (seen.has(period)) return [{ field, reason: `period ${period} appears twice` }];
    seen.add(period);
    return period > today ? [{ field, reason: `must not be after today (${today})` }] : [];
  });
}

/** Any open step: the measure is recorded before, during and after the change. One event per point. */
export function recordMeasurements(
  command: RecordMeasurements,
  spiral: RecognisedSpiral,
  now: string,
): MeasurementRecorded[] {
  const problems = batchProblems(command, now.slice(0, 10));
  if (problems.length > 0) throw new InvalidInput(problems);
  // A recorded point is a fact an SPC signal may already cite, so it is never overwritten.
  const recorded = command.points.find(({ period }) => hasPeriod(spiral.periods, period));
  if (recorded !== undefined) {
    throw new RuleViolated(
      'period_already_recorded',
      `spiral ${spiral.spiralId} already has a measurement for ${recorded.period}`,
    );
  }
  return [...command.points]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map(({ period, value }) => MeasurementRecorded.create({ spiralId: spiral.spiralId, period, value }));
}

/** How many recorded points a group starting at `from` holds: up to the next confirmed rebase, or the end. */
function groupPoints(spiral: RecognisedSpiral, from: string): number {
  const next = spiral.rebasedFrom.filter((period) => period > from).sort()[0];
  return spiral.periods.filter((period) => period >= from && (next === undefined || period < next)).length;
}

/**
 * A person confirms the rebase SPC suggested (SPEC: limits are never recalculated automatically),
 * or, giving the reason every rebase carries, another period whose group holds at least the points
 * limits need to be more than trial limits (12: NHSRplotthedots flags fewer as trial, and MDC's tool
 * takes 12 to 20 baseline points; libs/spc xmr-limits.ts). Anything else would draw a group of a
 * point or two with limits (or a mean) no one can read, so it is refused saying why (422).
 */
export function confirmRebase(command: ConfirmRebase, spiral: RecognisedSpiral): RebaseConfirmed[] {
  assertPeriodRecorded(spiral, command.fromPeriod);
  const { fromPeriod } = command;
  const refuse = (code: string, why: string): never => {
    throw new RuleViolated(code, `spiral ${spiral.spiralId} cannot rebase from ${fromPeriod}: ${why}`);
  };
  if (spiral.rebasedFrom.includes(fromPeriod)) refuse('rebase_already_confirmed', 'a group starts there already');
  if (fromPeriod === spiral.periods[0]) refuse('rebase_at_first_point', 'it is the first point, so no earlier group would be left');
  const chart = command.chart;
  if (chart === undefined) throw new Error('ConfirmRebase reached the decider without its chart facts: the command handler adds them');
  if (fromPeriod !== chart.suggestedFromPeriod) {
    const points = groupPoints(spiral, fromPeriod);
    if (points < chart.pointsForLimits) {
      const suggested = chart.suggestedFromPeriod === null ? 'the chart suggests no rebase' : `the chart suggests one from ${chart.suggestedFromPeriod}`;
      refuse('rebase_group_too_short', `${suggested}, and another period needs at least ${chart.pointsForLimits} points in its new group (it would hold ${points})`);
    }
  }
  return [RebaseConfirmed.create({ spiralId: spiral.spiralId, fromPeriod, reason: command.reason })];
}
