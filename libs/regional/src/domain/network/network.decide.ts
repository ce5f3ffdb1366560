import { AccessDenied, AlreadyExists, NotFound, RuleViolated, type DecisionContext } from '@spiral/decider';
import { NetworkFormed, NetworkJoined, type Actor, type NetworkEvent } from '@spiral/event-catalogue';
import { assertRegionalActorOf } from '../regional-access';
import type { FormNetwork, JoiningTeam, JoinNetwork, NetworkCommand } from './network.commands';
import type { NetworkState } from './network.state';

type FormedNetwork = Extract<NetworkState, { status: 'formed' }>;

function formNetwork(command: FormNetwork, state: NetworkState, actor: Actor): NetworkEvent[] {
  assertRegionalActorOf(actor, command.shaCode, 'form a network of this region');
  if (state.status !== 'unformed') throw new AlreadyExists('network', command.networkId);
  const { networkId, shaCode, name, kind, purpose } = command;
  return [NetworkFormed.create({ networkId, shaCode, name, kind, purpose })];
}

/**
 * Joining is a team's own pull, so a local user of the team's organisation may join it; the
 * network's region may also enrol a team, but only one of its own region.
 */
function assertMayJoin(actor: Actor, team: JoiningTeam, network: FormedNetwork): void {
  if (actor.role === 'local' && actor.org === team.orgCode) return;
  if (actor.role === 'regional' && actor.region === network.shaCode) {
    if (team.shaCode === network.shaCode) return;
    throw new RuleViolated(
      'team_outside_region',
      `team ${team.teamId} belongs to ${team.shaCode}; only its own organisation may join it to a network of ${network.shaCode}`,
    );
  }
  throw new AccessDenied(
    `a ${actor.role} user of ${actor.org ?? actor.region ?? 'no organisation'} cannot join team ${team.teamId} to network ${network.networkId}`,
  );
}

function joinNetwork(command: JoinNetwork, state: NetworkState, actor: Actor): NetworkEvent[] {
  if (state.status !== 'formed') throw new NotFound('network', command.networkId);
  const { team } = command;
  if (team === undefined) throw new NotFound('team', command.teamId);
  assertMayJoin(actor, team, state);
  if (state.members.has(team.teamId)) {
    throw new RuleViolated('already_member', `team ${team.teamId} is already a member of network ${state.networkId}`);
  }
  return [NetworkJoined.create({ networkId: state.networkId, teamId: team.teamId, orgCode: team.orgCode })];
}

export function decideNetwork(command: NetworkCommand, state: NetworkState, context: DecisionContext): NetworkEvent[] {
  switch (command.type) {
    case 'FormNetwork':
      return formNetwork(command, state, context.actor);
    case 'JoinNetwork':
      return joinNetwork(command, state, context.actor);
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
}
