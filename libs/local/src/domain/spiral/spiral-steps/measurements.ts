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

/** A person confirms the rebase SPC suggested; the new limits start at a point that exists. */
export function confirmRebase(command: ConfirmRebase, spiral: RecognisedSpiral): RebaseConfirmed[] {
  assertPeriodRecorded(spiral, command.fromPeriod);
  return [RebaseConfirmed.create({ spiralId: spiral.spiralId, fromPeriod: command.fromPeriod, reason: command.reason })];
}
