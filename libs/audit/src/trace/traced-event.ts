import type { Actor, EventEnvelope } from '@spiral/event-catalogue';

/**
 * One event as an auditor reads it: the whole envelope with its payload and hash chain, so the
 * chain can be checked outside Spiral (SHA-256 over the RFC 8785 canonical envelope, all but the
 * global position; `previousHash` is the hash of the stream's event before, null for the first).
 */
export interface TracedEvent {
  readonly globalPosition: number;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  readonly data: object;
  readonly previousHash: string | null;
  readonly hash: string;
}

export function tracedEvent(event: EventEnvelope): TracedEvent {
  return {
    globalPosition: event.globalPosition,
    streamId: event.streamId,
    revision: event.streamRevision,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
    previousHash: event.previousHash,
    hash: event.hash,
  };
}

/** Whether `at` is at or before `moment`, both ISO 8601 instants (SPEC: "as of" is by occurredAt). */
export function isAtOrBefore(at: string, moment: string): boolean {
  return Date.parse(at) <= Date.parse(moment);
}
