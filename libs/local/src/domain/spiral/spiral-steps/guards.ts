import { AccessDenied, NotFound, RuleViolated } from '@spiral/decider';
import type { Actor } from '@spiral/event-catalogue';
import type { RecognisedSpiral, SpiralState } from '../spiral.state';
import { hasPeriod } from '../recorded-periods';

/** SPEC "Access": a team writes only its own spirals, so only local users of the spiral's organisation. */
export function isTeamMember(actor: Actor, spiral: RecognisedSpiral): boolean {
  return actor.role === 'local' && actor.org === spiral.orgCode;
}

/**
 * The spiral a later command acts on: it exists, the actor may write it, and it is not closed.
 * Access comes before the closed check so another organisation learns nothing of the spiral's step.
 */
export function openSpiral(
  state: SpiralState,
  spiralId: string,
  actor: Actor,
  mayWrite: (actor: Actor, spiral: RecognisedSpiral) => boolean = isTeamMember,
): RecognisedSpiral {
  if (state.status !== 'recognised') throw new NotFound('spiral', spiralId);
  if (!mayWrite(actor, state)) {
    throw new AccessDenied(
      `a ${actor.role} user of ${actor.org ?? actor.region ?? 'no organisation'} cannot write spiral ${spiralId} of ${state.orgCode}`,
    );
  }
  if (state.step === 'closed') throw new RuleViolated('spiral_closed', `spiral ${spiralId} is closed`);
  return state;
}

/** Support, cycles, assessments and gains belong to a change, so they need an adopted option. */
export function assertAdopted(spiral: RecognisedSpiral, what: string): void {
  if (spiral.adoption === undefined) {
    throw new RuleViolated('not_adopted', `spiral ${spiral.spiralId} has adopted no option yet, so it cannot ${what}`);
  }
}

export function assertPeriodRecorded(spiral: RecognisedSpiral, period: string): void {
  if (!hasPeriod(spiral.periods, period)) {
    throw new RuleViolated('period_not_recorded', `spiral ${spiral.spiralId} has no measurement for ${period}`);
  }
}
