import type { DecisionContext } from '@spiral/decider';
import type { SpiralEvent } from '@spiral/event-catalogue';
import type { SpiralCommand } from './spiral.commands';
import type { SpiralState } from './spiral.state';
import { completeChangeCycle, secureChangeSupport } from './spiral-steps/change';
import { mayRecordGain, recordGainAchieved, recordGainLost, recordGainSustained } from './spiral-steps/gains';
import { withdrawGain } from './spiral-steps/gain-withdrawal';
import { openSpiral } from './spiral-steps/guards';
import { adoptOption, appraiseOptions, pullKnowledge } from './spiral-steps/knowing-and-deciding';
import { confirmRebase, recordMeasurements } from './spiral-steps/measurements';
import { recogniseNeed } from './spiral-steps/recognise-need';
import { assessSustainability, closeSpiral } from './spiral-steps/sustainability';

/**
 * One spiral through its five steps (SPEC "The spiral"). Each command's rules live with its step
 * in spiral-steps/; every command but the first needs an open spiral the actor may write.
 */
export function decideSpiral(command: SpiralCommand, state: SpiralState, context: DecisionContext): SpiralEvent[] {
  const { actor } = context;
  switch (command.type) {
    case 'RecogniseNeed':
      return recogniseNeed(command, state, actor);
    case 'PullKnowledge':
      return pullKnowledge(command, openSpiral(state, command.spiralId, actor));
    case 'AppraiseOptions':
      return appraiseOptions(command, openSpiral(state, command.spiralId, actor));
    case 'AdoptOption':
      return adoptOption(command, openSpiral(state, command.spiralId, actor));
    case 'SecureChangeSupport':
      return secureChangeSupport(command, openSpiral(state, command.spiralId, actor));
    case 'CompleteChangeCycle':
      return completeChangeCycle(command, openSpiral(state, command.spiralId, actor));
    case 'RecordMeasurements':
      return recordMeasurements(command, openSpiral(state, command.spiralId, actor), context.now);
    case 'ConfirmRebase':
      return confirmRebase(command, openSpiral(state, command.spiralId, actor));
    case 'AssessSustainability':
      return assessSustainability(command, openSpiral(state, command.spiralId, actor));
    case 'RecordGainAchieved':
      return recordGainAchieved(command, openSpiral(state, command.spiralId, actor, mayRecordGain));
    case 'RecordGainSustained':
      return recordGainSustained(command, openSpiral(state, command.spiralId, actor, mayRecordGain));
    case 'RecordGainLost':
      return recordGainLost(command, openSpiral(state, command.spiralId, actor, mayRecordGain));
    case 'WithdrawGain':
      return withdrawGain(command, openSpiral(state, command.spiralId, actor, mayRecordGain));
    case 'CloseSpiral':
      return closeSpiral(command, openSpiral(state, command.spiralId, actor));
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
}
