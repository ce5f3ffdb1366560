import { AccessDenied, AlreadyExists, NotFound, type DecisionContext } from '@spiral/decider';
import {
  MemberCapabilityRecorded,
  TeamRegistered,
  TeamSupportReceived,
  type Actor,
  type TeamEvent,
} from '@spiral/event-catalogue';
import { assertMayActIn, assertOrganisationIn } from '../organisation/organisation-rules';
import type { RecordTeamSupport, TeamCommand } from './team.commands';
import type { TeamState } from './team.state';

type RegisteredTeam = Extract<TeamState, { status: 'registered' }>;

function registered(state: TeamState, teamId: string): RegisteredTeam {
  if (state.status !== 'registered') throw new NotFound('team', teamId);
  return state;
}

/** SPEC "Access": a team writes only its own facts. */
function isTeamMember(actor: Actor, team: RegisteredTeam): boolean {
  return actor.role === 'local' && actor.org === team.orgCode;
}

function refuse(actor: Actor, team: RegisteredTeam, what: string): never {
  throw new AccessDenied(
    `a ${actor.role} user of ${actor.org ?? actor.region ?? 'no organisation'} cannot record ${what} for team ${team.teamId}`,
  );
}

/**
 * The team records support it received, and so may the region that supported it; a regional user
 * speaks only for its own region, so the giving region is the token's.
 */
function supportGiver(actor: Actor, team: RegisteredTeam, command: RecordTeamSupport): string | undefined {
  if (isTeamMember(actor, team)) return command.fromShaCode;
  const ownRegion = actor.role === 'regional' && actor.region !== null && actor.region === team.shaCode;
  if (!ownRegion || (command.fromShaCode !== undefined && command.fromShaCode !== actor.region)) {
    refuse(actor, team, 'support');
  }
  return actor.region;
}

export function decideTeam(command: TeamCommand, state: TeamState, context: DecisionContext): TeamEvent[] {
  switch (command.type) {
    case 'RegisterTeam': {
      if (state.status !== 'unregistered') throw new AlreadyExists('team', command.teamId);
      assertMayActIn(context.actor, command.orgCode, command.shaCode, 'register a team');
      assertOrganisationIn(command.organisation, command.orgCode, command.shaCode);
      const { type: _command, organisation: _facts, ...data } = command;
      return [TeamRegistered.create(data)];
    }
    case 'RecordMemberCapability': {
      const team = registered(state, command.teamId);
      if (!isTeamMember(context.actor, team)) refuse(context.actor, team, 'a member capability');
      const { type: _command, ...data } = command;
      return [MemberCapabilityRecorded.create({ ...data, teamId: team.teamId })];
    }
    case 'RecordTeamSupport': {
      const team = registered(state, command.teamId);
      const fromShaCode = supportGiver(context.actor, team, command);
      const { type: _command, fromShaCode: _claimed, ...data } = command;
      return [
        TeamSupportReceived.create({
          ...data,
          teamId: team.teamId,
          ...(fromShaCode === undefined ? {} : { fromShaCode }),
        }),
      ];
    }
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
}
