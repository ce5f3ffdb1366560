import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventEnvelope, PendingEvent } from './event-envelope';

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

/** An event ready to append: the envelope with its hash, still without a global position. */
export type ChainedEvent = Omit<EventEnvelope, 'globalPosition'>;

/**
 * Numbers a batch after the stream's head and chains each hash to the one before. Every event
 * store adapter seals its appends with this one function, so the same history hashes the same on
 * every engine.
 */
export function chainEvents(
  streamId: string,
  events: readonly PendingEvent[],
  head: Pick<EventEnvelope, 'streamRevision' | 'hash'> | undefined,
  recordedAt: string,
): ChainedEvent[] {
  let previousHash = head?.hash ?? null;
  let revision = head?.streamRevision ?? -1;
  return events.map((pending) => {
    revision += 1;
    const unhashed = {
      eventId: pending.eventId,
      type: pending.type,
      schemaVersion: pending.schemaVersion,
      // Hash what readers will get back: the JSON round trip drops undefined fields and the like.
      data: jsonCopy(pending.data),
      occurredAt: pending.occurredAt,
      actor: jsonCopy(pending.actor),
      correlationId: pending.correlationId,
      causationId: pending.causationId,
      streamId,
      streamRevision: revision,
      recordedAt,
      previousHash,
    };
    const chained = { ...unhashed, hash: computeEventHash(unhashed) };
    previousHash = chained.hash;
    return chained;
  });
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
