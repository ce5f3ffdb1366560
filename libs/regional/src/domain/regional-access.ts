import { AccessDenied } from '@spiral/decider';
import type { Actor } from '@spiral/event-catalogue';

/** SPEC "Access": a region writes its own regional facts, and no one else writes them. */
export function assertRegionalActorOf(actor: Actor, shaCode: string, action: string): void {
  if (actor.role === 'regional' && actor.region === shaCode) return;
  throw new AccessDenied(
    `only a regional user of ${shaCode} may ${action}; this is a ${actor.role} user of ${actor.region ?? actor.org ?? 'no region'}`,
  );
}
