import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventEnvelope } from './event-envelope';

export type UnhashedEnvelope = Omit<EventEnvelope, 'hash' | 'globalPosition'>;

/**
 * SHA-256 over the RFC 8785 (JCS) canonical JSON of everything an auditor relies on, chained
 * through previousHash so that altering, removing or reordering an event breaks every later link.
 * The global position is left out: an engine may assign it after the hash is fixed.
 */
export function computeEventHash(event: UnhashedEnvelope): string {
  const canonical = canonicalize({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
    previousHash: event.previousHash,
  });
  if (canonical === undefined) throw new Error(`event ${event.eventId} has no canonical form`);
  return createHash('sha256').update(canonical).digest('hex');
}
