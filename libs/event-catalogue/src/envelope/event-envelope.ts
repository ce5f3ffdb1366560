import type { Actor } from './actor';
import type { DomainEvent } from './domain-event';

/** What the command side hands to the event store: the fact plus who, when and why. */
export interface PendingEvent<E extends DomainEvent = DomainEvent> {
  /** Unique; a retried append carrying the same id stores nothing new. */
  readonly eventId: string;
  readonly type: E['type'];
  readonly schemaVersion: number;
  readonly data: E['data'];
  /** When the fact happened in the health service (ISO 8601). */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
}

/** The stored event as every reader sees it: the pending event plus what the store assigned. */
export interface EventEnvelope<E extends DomainEvent = DomainEvent> extends PendingEvent<E> {
  readonly streamId: string;
  /** 0-based position within the stream. */
  readonly streamRevision: number;
  /** Position in the whole store; strictly increasing in commit order. */
  readonly globalPosition: number;
  /** When Spiral stored it (ISO 8601); kept for auditors beside occurredAt. */
  readonly recordedAt: string;
  /** Hash of the previous event of the same stream; null for a stream's first event. */
  readonly previousHash: string | null;
  /** SHA-256 over the canonical form of this event and previousHash (see hash-chain.ts). */
  readonly hash: string;
}
