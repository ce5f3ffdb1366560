import { AccessDenied, AlreadyExists, RuleViolated } from '@spiral/decider';
import { actorOf, deciderSpec } from '@spiral/decider/testing';
import { TeamRegistered } from '@spiral/event-catalogue';
import { teamDecider } from './team.decider';

const spec = deciderSpec(teamDecider);
const register = {
  type: 'RegisterTeam',
  teamId: 'team-1',
  name: 'Stroke unit',
  orgCode: 'RX1',
  shaCode: 'Q01',
  specialty: 'stroke',
} as const;
const registered = TeamRegistered.create({
  teamId: 'team-1',
  name: 'Stroke unit',
  orgCode: 'RX1',
  shaCode: 'Q01',
  specialty: 'stroke',
});

describe('team decider: RegisterTeam', () => {
  it('registers a team of the local user’s own organisation', () => {
    spec.given([]).when(register).then([registered]);
  });

  it('lets a regional user register a team in its own region', () => {
    spec.given([]).when(register, { actor: actorOf('regional', null, 'Q01') }).then([registered]);
  });

  it('refuses a team registered twice', () => {
    spec.given([registered]).when(register).thenThrows(AlreadyExists);
  });

  it('refuses a local user registering a team of another organisation', () => {
    spec.given([]).when(register, { actor: actorOf('local', 'RY9', 'Q01') }).thenThrows(AccessDenied);
  });

  it('refuses a regional user registering a team in another region', () => {
    spec.given([]).when(register, { actor: actorOf('regional', null, 'Q02') }).thenThrows(AccessDenied);
  });

  it('registers a team in an organisation of its own region, and refuses one whose organisation another region holds', () => {
    spec.given([]).when({ ...register, organisation: { orgCode: 'RX1', shaCode: 'Q01' } }).then([registered]);
    spec
      .given([])
      .when({ ...register, organisation: { orgCode: 'RX1', shaCode: 'Q02' } }, { actor: actorOf('national') })
      .thenThrows(RuleViolated, 'organisation_in_another_region');
  });

  it('refuses auditors and analysts', () => {
    spec.given([]).when(register, { actor: actorOf('auditor') }).thenThrows(AccessDenied);
    spec.given([]).when(register, { actor: actorOf('analyst') }).thenThrows(AccessDenied);
  });
});
