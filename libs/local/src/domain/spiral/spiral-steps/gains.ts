import { RuleViolated } from '@spiral/decider';
import { GainAchieved, GainLost, GainSustained, SYSTEM_ROLE, type Actor, type GainRule } from '@spiral/event-catalogue';
import type { RecordGainAchieved, RecordGainLost, RecordGainSustained } from '../spiral.commands';
import type { RecognisedSpiral } from '../spiral.state';
import { assertAdopted, assertPeriodRecorded, isTeamMember } from './guards';

/**
 * Gains are signalled by the SPC process manager, which acts as the `system` actor no token can
 * claim (SPEC "Access"); so may the team itself, e.g. when re-entering history. The HTTP API offers
 * no route to them: that is what keeps a gain from being merely claimed.
 */
export function mayRecordGain(actor: Actor, spiral: RecognisedSpiral): boolean {
  return actor.role === SYSTEM_ROLE || isTeamMember(actor, spiral);
}

function refuse(code: string, spiral: RecognisedSpiral, why: string): never {
  throw new RuleViolated(code, `spiral ${spiral.spiralId} ${why}`);
}

/** A gain cites the points that fired it, so each must be a recorded point. */
function gainData(command: { readonly rule: GainRule; readonly periods: readonly string[] }, spiral: RecognisedSpiral) {
  command.periods.forEach((period) => assertPeriodRecorded(spiral, period));
  return { spiralId: spiral.spiralId, rule: command.rule, periods: [...command.periods] };
}

/** Only after adoption, once per gain; after a loss the chart may signal a new gain. */
export function recordGainAchieved(command: RecordGainAchieved, spiral: RecognisedSpiral): GainAchieved[] {
  assertAdopted(spiral, 'achieve a gain');
  if (spiral.gainStatus === 'achieved' || spiral.gainStatus === 'sustained') {
    refuse('gain_already_achieved', spiral, 'holds a gain already');
  }
  return [GainAchieved.create(gainData(command, spiral))];
}

/** Only while an achieved gain holds, and once per gain. */
export function recordGainSustained(command: RecordGainSustained, spiral: RecognisedSpiral): GainSustained[] {
  switch (spiral.gainStatus) {
    case 'none':
      return refuse('gain_not_achieved', spiral, 'has achieved no gain to sustain');
    case 'lost':
      return refuse('gain_lost', spiral, 'lost its gain; only a new gain can be sustained');
    case 'sustained':
      return refuse('gain_already_sustained', spiral, 'has sustained its gain already');
    case 'achieved':
      return [GainSustained.create(gainData(command, spiral))];
    default: {
      const unexpected: never = spiral.gainStatus;
      return unexpected;
    }
  }
}

/** Only a gain held (achieved, or sustained) can be lost. */
export function recordGainLost(command: RecordGainLost, spiral: RecognisedSpiral): GainLost[] {
  switch (spiral.gainStatus) {
    case 'none':
      return refuse('gain_not_achieved', spiral, 'has achieved no gain to lose');
    case 'lost':
      return refuse('gain_already_lost', spiral, 'has lost its gain already');
    case 'achieved':
    case 'sustained':
      return [GainLost.create(gainData(command, spiral))];
    default: {
      const unexpected: never = spiral.gainStatus;
      return unexpected;
    }
  }
}
