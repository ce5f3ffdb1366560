import { ChangeCycleCompleted, ChangeSupportSecured } from '@spiral/event-catalogue';
import type { CompleteChangeCycle, SecureChangeSupport } from '../spiral.commands';
import type { RecognisedSpiral } from '../spiral.state';
import { assertAdopted } from './guards';

/** Step 4: support for the change adopted; a team may secure more as the change grows. */
export function secureChangeSupport(command: SecureChangeSupport, spiral: RecognisedSpiral): ChangeSupportSecured[] {
  assertAdopted(spiral, 'secure change support');
  return [
    ChangeSupportSecured.create({
      spiralId: spiral.spiralId,
      resources: [...command.resources],
      improvementTeam: command.improvementTeam.map(({ role, skills }) => ({ role, skills: [...skills] })),
      sponsor: command.sponsor,
    }),
  ];
}

/** Step 4: one change cycle; cycles are numbered by the spiral, so a retried request cannot skip one. */
export function completeChangeCycle(command: CompleteChangeCycle, spiral: RecognisedSpiral): ChangeCycleCompleted[] {
  assertAdopted(spiral, 'complete a change cycle');
  const { type: _type, spiralId: _spiralId, ...cycle } = command;
  return [ChangeCycleCompleted.create({ spiralId: spiral.spiralId, cycleNumber: spiral.cycleCount + 1, ...cycle })];
}
