import { AccessDenied, AlreadyExists, NotFound, RuleViolated } from '@spiral/decider';
import { actorOf, deciderSpec } from '@spiral/decider/testing';
import { NetworkJoined } from '@spiral/event-catalogue';
import {
  formNetwork,
  joinNetwork,
  networkFormed,
  networkJoined,
  otherRegionUser,
  regionalUser,
  teamUser,
} from '../testing/regional-examples';
import { networkDecider } from './network.decider';

const spec = deciderSpec(networkDecider);
const outsider = { teamId: 'team-9', orgCode: 'RY9', shaCode: 'Q02' };

describe('network decider: FormNetwork', () => {
  it('forms a network of the regional user’s own region', () => {
    spec.given([]).when(formNetwork, { actor: regionalUser }).then([networkFormed]);
  });

  it('refuses a network formed twice', () => {
    spec.given([networkFormed]).when(formNetwork, { actor: regionalUser }).thenThrows(AlreadyExists);
  });

  it('refuses a regional user of another region', () => {
    spec.given([]).when(formNetwork, { actor: otherRegionUser }).thenThrows(AccessDenied);
  });

  it.each(['local', 'national', 'analyst', 'auditor'] as const)('refuses a %s user', (role) => {
    spec.given([]).when(formNetwork, { actor: actorOf(role, 'RX1', 'Q01') }).thenThrows(AccessDenied);
  });
});

describe('network decider: JoinNetwork', () => {
  it('lets a team of the local user’s organisation join', () => {
    spec.given([networkFormed]).when(joinNetwork, { actor: teamUser }).then([networkJoined]);
  });

  it('lets the network’s region enrol one of its teams', () => {
    spec.given([networkFormed]).when(joinNetwork, { actor: regionalUser }).then([networkJoined]);
  });

  it('lets a team of another region join of its own accord', () => {
    spec
      .given([networkFormed])
      .when({ ...joinNetwork, teamId: 'team-9', team: outsider }, { actor: actorOf('local', 'RY9', 'Q02') })
      .then([NetworkJoined.create({ networkId: 'stroke-net', teamId: 'team-9', orgCode: 'RY9' })]);
  });

  it('refuses the region enrolling a team of another region', () => {
    spec
      .given([networkFormed])
      .when({ ...joinNetwork, teamId: 'team-9', team: outsider }, { actor: regionalUser })
      .thenThrows(RuleViolated, 'team_outside_region');
  });

  it('refuses a network that was never formed', () => {
    spec.given([]).when(joinNetwork, { actor: teamUser }).thenThrows(NotFound);
  });

  it('refuses a team that does not exist', () => {
    spec.given([networkFormed]).when({ ...joinNetwork, team: undefined }, { actor: teamUser }).thenThrows(NotFound);
  });

  it('refuses a team that is already a member', () => {
    spec
      .given([networkFormed, networkJoined])
      .when(joinNetwork, { actor: teamUser })
      .thenThrows(RuleViolated, 'already_member');
  });

  it('refuses a local user of another organisation', () => {
    spec.given([networkFormed]).when(joinNetwork, { actor: actorOf('local', 'RY9', 'Q01') }).thenThrows(AccessDenied);
  });

  it('refuses a regional user of another region', () => {
    spec.given([networkFormed]).when(joinNetwork, { actor: otherRegionUser }).thenThrows(AccessDenied);
  });

  it.each(['national', 'analyst', 'auditor'] as const)('refuses a %s user', (role) => {
    spec.given([networkFormed]).when(joinNetwork, { actor: actorOf(role, 'RX1', 'Q01') }).thenThrows(AccessDenied);
  });
});
