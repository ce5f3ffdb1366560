import { ForbiddenException } from '@nestjs/common';
import type { Actor } from '@spiral/event-catalogue';

/**
 * SPEC "Access" for reads: national, analysts and auditors read everything; a region reads its own
 * area; a team's users read their own organisation. Throws 403 when out of scope (SpiralExceptionFilter logs it with the actor and the request).
 */
export function assertMayRead(actor: Actor, scope: { readonly shaCode: string; readonly orgCode?: string }, what: string): void {
  const allowed =
    actor.role === 'national' ||
    actor.role === 'analyst' ||
    actor.role === 'auditor' ||
    (actor.role === 'regional' && actor.region === scope.shaCode) ||
    (actor.role === 'local' && scope.orgCode !== undefined && actor.org === scope.orgCode);
  if (!allowed) {
    throw new ForbiddenException(`${what} is outside what a ${actor.role} user of ${actor.org ?? actor.region ?? 'no organisation'} may read`);
  }
}
