import { AccessDenied, RuleViolated } from '@spiral/decider';
import type { Actor, OrganisationFacts } from '@spiral/event-catalogue';

/**
 * Who may name an organisation of a region (by registering it, or a team in it): its own local
 * users, its region's users, national staff. The organisation and region come from the token.
 */
export function assertMayActIn(actor: Actor, orgCode: string, shaCode: string, what: string): void {
  const allowed =
    (actor.role === 'local' && actor.org === orgCode && actor.region === shaCode) ||
    (actor.role === 'regional' && actor.region === shaCode) ||
    actor.role === 'national';
  if (!allowed) {
    throw new AccessDenied(`a ${actor.role} user of ${actor.org ?? actor.region ?? 'no organisation'} cannot ${what} of ${orgCode} in ${shaCode}`);
  }
}

/** SPEC "Access": an organisation belongs to one region; the first fact naming it fixed it, and a later one may not move it. */
export function assertOrganisationIn(organisation: OrganisationFacts | undefined, orgCode: string, shaCode: string): void {
  if (organisation !== undefined && organisation.shaCode !== shaCode) {
    throw new RuleViolated(
      'organisation_in_another_region',
      `organisation ${orgCode} belongs to region ${organisation.shaCode} (fixed by the first fact that named it), not ${shaCode}`,
    );
  }
}
