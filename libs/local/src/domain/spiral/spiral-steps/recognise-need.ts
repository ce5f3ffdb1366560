import { AccessDenied, AlreadyExists, NotFound, RuleViolated } from '@spiral/decider';
import { NeedRecognised, type Actor } from '@spiral/event-catalogue';
import type { KnownTeam, RecogniseNeed } from '../spiral.commands';
import type { SpiralState } from '../spiral.state';

function assertMayRecognise(actor: Actor, team: KnownTeam): void {
  if (actor.role !== 'local' || actor.org !== team.orgCode) {
    throw new AccessDenied(
      `a ${actor.role} user of ${actor.org ?? actor.region ?? 'no organisation'} cannot start a spiral for team ${team.teamId} of ${team.orgCode}`,
    );
  }
}

/**
 * A new turn continues a spiral of the same organisation: naming another organisation's spiral
 * as parent would write into its history of turns.
 */
function assertParent(command: RecogniseNeed, team: KnownTeam): void {
  if (command.parentSpiralId === undefined) return;
  const parent = command.parentSpiral;
  if (parent === undefined || parent.spiralId !== command.parentSpiralId) {
    throw new NotFound('spiral', command.parentSpiralId);
  }
  if (parent.orgCode !== team.orgCode) {
    throw new RuleViolated(
      'parent_spiral_of_other_organisation',
      `spiral ${parent.spiralId} belongs to ${parent.orgCode}, not to ${team.orgCode}`,
    );
  }
}

/** Step 1: the stream starts here; the team's organisation and region are copied from its own stream. */
export function recogniseNeed(command: RecogniseNeed, state: SpiralState, actor: Actor): NeedRecognised[] {
  if (state.status !== 'unrecognised') throw new AlreadyExists('spiral', command.spiralId);
  const team = command.team;
  if (team === undefined || team.teamId !== command.teamId) throw new NotFound('team', command.teamId);
  assertMayRecognise(actor, team);
  assertParent(command, team);
  const { type: _type, team: _team, parentSpiral: _parent, parentSpiralId, ...data } = command;
  return [
    NeedRecognised.create({
      ...data,
      orgCode: team.orgCode,
      shaCode: team.shaCode,
      ...(parentSpiralId === undefined ? {} : { parentSpiralId }),
    }),
  ];
}
