import { AccessDenied, RuleViolated } from '@spiral/decider';
import { actorOf, deciderSpec } from '@spiral/decider/testing';
import { OrganisationRegistered } from '@spiral/event-catalogue';
import { organisationDecider } from './organisation.decider';

const spec = deciderSpec(organisationDecider);
const register = { type: 'RegisterOrganisation', orgCode: 'RX1', shaCode: 'Q01' } as const;
const registered = OrganisationRegistered.create({ orgCode: 'RX1', shaCode: 'Q01' });

describe('organisation decider: the first fact fixes the region', () => {
  it('fixes the region of an organisation named for the first time', () => {
    spec.given([]).when(register).then([registered]);
  });

  it('stores nothing when the same region names it again', () => {
    spec.given([registered]).when(register).then([]);
  });

  it('refuses another region, naming both', () => {
    spec.given([registered]).when({ ...register, shaCode: 'Q02' }, { actor: actorOf('national') }).thenThrows(RuleViolated, 'organisation_in_another_region');
  });

  it('lets only the organisation, its region or national name it', () => {
    spec.given([]).when(register, { actor: actorOf('local', 'RY9', 'Q01') }).thenThrows(AccessDenied);
    spec.given([]).when(register, { actor: actorOf('auditor') }).thenThrows(AccessDenied);
  });
});
