import { AccessDenied, AlreadyExists, type DecisionContext } from '@spiral/decider';
import { TeamRegistered, type Actor, type TeamEvent } from '@spiral/event-catalogue';
import type { RegisterTeam, TeamCommand } from './team.commands';
import type { TeamState } from './team.state';

/**
 * A local user registers teams of its own organisation, a regional user teams of its own region,
 * national staff any team; the organisation and region come from the token, never the body.
 */
function assertMayRegister(actor: Actor, command: RegisterTeam): void {
  const allowed =
    (actor.role === 'local' && actor.org === command.orgCode && actor.region === command.shaCode) ||
    (actor.role === 'regional' && actor.region === command.shaCode) ||
    actor.role === 'national';
  if (!allowed) {
    throw new AccessDenied(
      `a ${actor.role} user of ${actor.org ?? actor.region ?? 'no organisation'} cannot register a team of ${command.orgCode} in ${command.shaCode}`,
    );
  }
}

export function decideTeam(command: TeamCommand, state: TeamState, context: DecisionContext): TeamEvent[] {
  switch (command.type) {
    case 'RegisterTeam': {
      if (state.status !== 'unregistered') throw new AlreadyExists('team', command.teamId);
      assertMayRegister(context.actor, command);
      const { type: _command, ...data } = command;
      return [TeamRegistered.create(data)];
    }
    default: {
      const unexpected: never = command.type;
      return unexpected;
    }
  }
}
