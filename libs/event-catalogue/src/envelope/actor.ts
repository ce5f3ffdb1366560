/** The five kinds of user SPEC names; every request and every event carries one. */
export const ROLES = ['local', 'regional', 'national', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who caused an event: taken from the verified token, never from a request body. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** Organisation code (a trust); null for national, analyst and auditor users without one. */
  readonly org: string | null;
  /** SHA code of the actor's region; null for national users. */
  readonly region: string | null;
}
