import { RuleViolated } from '@spiral/decider';
import { GainWithdrawn } from '@spiral/event-catalogue';
import type { WithdrawGain } from '../spiral.commands';
import type { RecognisedSpiral } from '../spiral.state';
import { assertPeriodRecorded } from './guards';

function refuse(code: string, spiral: RecognisedSpiral, why: string): never {
  throw new RuleViolated(code, `spiral ${spiral.spiralId} ${why}`);
}

/**
 * Only the latest gain still recorded can be withdrawn, named as it was recorded (kind and first
 * period), so gains net of withdrawals always read as a sequence the chart could show. The event
 * cites what undid it: a recorded point, or a confirmed rebase's first period.
 */
export function withdrawGain(command: WithdrawGain, spiral: RecognisedSpiral): GainWithdrawn[] {
  const latest = spiral.gains.at(-1);
  if (latest === undefined) refuse('gain_not_recorded', spiral, 'has no gain recorded to withdraw');
  if (latest.kind !== command.withdrawn || latest.periods[0] !== command.periods[0]) {
    refuse('gain_not_latest', spiral, `can withdraw only its latest gain (${latest.kind} from ${latest.periods[0] ?? '?'})`);
  }
  if (command.undoneBy === 'MeasurementRecorded') assertPeriodRecorded(spiral, command.undoingPeriod);
  else if (!spiral.rebasedFrom.includes(command.undoingPeriod)) refuse('rebase_not_confirmed', spiral, `has confirmed no rebase from ${command.undoingPeriod}`);
  const { withdrawn, undoneBy, undoingPeriod } = command;
  const standing = spiral.gains.at(-2)?.kind ?? 'none';
  return [GainWithdrawn.create({ spiralId: spiral.spiralId, withdrawn, rule: latest.rule, periods: [...latest.periods], undoneBy, undoingPeriod, standing })];
}
