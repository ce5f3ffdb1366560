import { isIdentifier, ROLES, type Actor, type Role } from '@spiral/event-catalogue';
import { isPrintableSubject } from './token-rules';

/** The JWT claims SPEC names: sub, role, org, sha. */
export interface IdentityClaims {
  readonly sub: string;
  readonly role: Role;
  readonly org?: string | null;
  readonly sha?: string | null;
}

/** Reads an actor from verified claims; undefined when a claim is missing or of the wrong kind. */
export function actorFromClaims(claims: Record<string, unknown>): Actor | undefined {
  const { sub, role, org, sha } = claims;
  if (!isPrintableSubject(sub)) return undefined;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return undefined;
  const optionalCode = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);
  // Codes name organisations and regions in events and views: the catalogue's identifier shape, nothing else.
  const badCode = (value: unknown) => value !== undefined && value !== null && value !== '' && !isIdentifier(value);
  if (badCode(org) || badCode(sha)) {
    return undefined;
  }
  const actor: Actor = { id: sub, role: role as Role, org: optionalCode(org), region: optionalCode(sha) };
  // A local user acts for one organisation in one region, and a regional user for one region.
  if (actor.role === 'local' && (actor.org === null || actor.region === null)) return undefined;
  if (actor.role === 'regional' && actor.region === null) return undefined;
  // And no one else names one: the actor is stored in every event's envelope, and a national user
  // with org S01-O01 read in the audit trail as that organisation's own decision.
  if (actor.role !== 'local' && actor.org !== null) return undefined;
  if (actor.role !== 'local' && actor.role !== 'regional' && actor.region !== null) return undefined;
  return actor;
}
