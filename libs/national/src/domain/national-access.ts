import { AccessDenied } from '@spiral/decider';
import type { Actor } from '@spiral/event-catalogue';

/** SPEC "Access": national writes national facts, and no one else writes them. */
export function assertNationalActor(actor: Actor, action: string): void {
  if (actor.role === 'national') return;
  throw new AccessDenied(`only a national user may ${action}; this is a ${actor.role} user`);
}
