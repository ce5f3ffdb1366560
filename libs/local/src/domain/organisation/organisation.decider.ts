import type { Decider } from '@spiral/decider';
import { OrganisationRegistered, type OrganisationEvent, type OrganisationFacts } from '@spiral/event-catalogue';
import { assertMayActIn, assertOrganisationIn } from './organisation-rules';

/** The first fact naming an organisation fixes its region: asked for whenever a team is registered in it. */
export interface RegisterOrganisation {
  readonly type: 'RegisterOrganisation';
  readonly orgCode: string;
  readonly shaCode: string;
}

/** The organisation's region once fixed; undefined before. */
export type OrganisationState = OrganisationFacts | undefined;

/**
 * One stream per organisation holding one event. The write path appends to an empty stream with
 * expected revision "no stream", so of two first facts racing one wins; the other re-reads and
 * is refused here when it names another region, or stores nothing when it names the same.
 */
export const organisationDecider: Decider<RegisterOrganisation, OrganisationEvent, OrganisationState> = {
  initialState: undefined,
  decide: (command, state, context) => {
    assertMayActIn(context.actor, command.orgCode, command.shaCode, 'name an organisation');
    assertOrganisationIn(state, command.orgCode, command.shaCode);
    return state === undefined ? [OrganisationRegistered.create({ orgCode: command.orgCode, shaCode: command.shaCode })] : [];
  },
  evolve: (state, event) => state ?? { orgCode: event.data.orgCode, shaCode: event.data.shaCode },
};
