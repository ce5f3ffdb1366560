import { AccessDenied, NotFound } from '@spiral/decider';
import { actorOf, deciderSpec } from '@spiral/decider/testing';
import { MemberCapabilityRecorded, TeamRegistered, TeamSupportReceived } from '@spiral/event-catalogue';
import type { RecordMemberCapability, RecordTeamSupport } from './team.commands';
import { teamDecider } from './team.decider';

const spec = deciderSpec(teamDecider);
const registered = TeamRegistered.create({ teamId: 'team-1', name: 'Stroke unit', orgCode: 'RX1', shaCode: 'Q01' });

const capability: RecordMemberCapability = {
  type: 'RecordMemberCapability',
  teamId: 'team-1',
  memberRole: 'staff nurse',
  capability: 'SPC charts',
  level: 'practitioner',
};
const { type: _capability, ...capabilityData } = capability;

const support: RecordTeamSupport = {
  type: 'RecordTeamSupport',
  teamId: 'team-1',
  kind: 'facilitation',
  description: 'Two facilitated process-mapping sessions.',
};
const { type: _support, ...supportData } = support;

describe('team decider: RecordMemberCapability', () => {
  it('records a capability of a member of the local user’s own team', () => {
    spec.given([registered]).when(capability).then([MemberCapabilityRecorded.create(capabilityData)]);
  });

  it('refuses a team not registered', () => {
    spec.given([]).when(capability).thenThrows(NotFound);
  });

  it('refuses another organisation and every role but local', () => {
    spec.given([registered]).when(capability, { actor: actorOf('local', 'RY9') }).thenThrows(AccessDenied);
    spec.given([registered]).when(capability, { actor: actorOf('regional', null) }).thenThrows(AccessDenied);
    spec.given([registered]).when(capability, { actor: actorOf('national', null, null) }).thenThrows(AccessDenied);
  });
});

describe('team decider: RecordTeamSupport', () => {
  it('records support the team says it received, naming the region when it says so', () => {
    spec.given([registered]).when(support).then([TeamSupportReceived.create(supportData)]);
    spec
      .given([registered])
      .when({ ...support, fromShaCode: 'Q01' })
      .then([TeamSupportReceived.create({ ...supportData, fromShaCode: 'Q01' })]);
  });

  it('records support a regional user of the team’s region gave, as from that region', () => {
    spec
      .given([registered])
      .when(support, { actor: actorOf('regional', null, 'Q01') })
      .then([TeamSupportReceived.create({ ...supportData, fromShaCode: 'Q01' })]);
  });

  it('refuses a team not registered', () => {
    spec.given([]).when(support).thenThrows(NotFound);
  });

  it('refuses another region, a region speaking for another, and other organisations', () => {
    spec.given([registered]).when(support, { actor: actorOf('regional', null, 'Q02') }).thenThrows(AccessDenied);
    spec
      .given([registered])
      .when({ ...support, fromShaCode: 'Q02' }, { actor: actorOf('regional', null, 'Q01') })
      .thenThrows(AccessDenied);
    spec.given([registered]).when(support, { actor: actorOf('local', 'RY9') }).thenThrows(AccessDenied);
    spec.given([registered]).when(support, { actor: actorOf('auditor') }).thenThrows(AccessDenied);
  });
});
