/** The five kinds of user SPEC names; every request carries one, and a token may claim only these. */
export const ROLES = ['local', 'regional', 'national', 'analyst', 'auditor'] as const;
export type UserRole = (typeof ROLES)[number];

/**
 * The role of the facts Spiral derives itself (gains, from SPC): SPEC "Access" gives them a `system`
 * actor whose role no token can claim. It is not in ROLES, which is all a token's claims are checked
 * against, so a request never carries it, and no route allows it.
 */
export const SYSTEM_ROLE = 'system';

/** Who an event's actor can be: a user of one of the five roles, or Spiral itself. */
export type Role = UserRole | typeof SYSTEM_ROLE;

/** Who caused an event: taken from the verified token, never from a request body. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** Organisation code (a trust); null for national, analyst and auditor users without one. */
  readonly org: string | null;
  /** SHA code of the actor's region; null for national users. */
  readonly region: string | null;
}
