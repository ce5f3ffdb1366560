import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';

// A fixed namespace for Spiral's name-based ids (RFC 9562 UUIDv5).
const SPIRAL_NAMESPACE = '6f1f8c1e-5d0a-4f3e-9a51-3f2b6a1d2c77';

/**
 * Ids derived from an idempotency key are the same on every retry, so the event store's unique event
 * ids turn a retried append into a no-op and a retried "create" targets the same new stream.
 * Without a key, ids are random and time-ordered (UUIDv7).
 */
export function eventIdFor(actorId: string, idempotencyKey: string | undefined, index: number): string {
  return idempotencyKey === undefined ? uuidV7() : uuidV5(`${actorId}|${idempotencyKey}|event|${index}`, SPIRAL_NAMESPACE);
}

/** The id of a thing a command creates (a spiral, a team, a practice). */
export function newEntityId(actorId: string, idempotencyKey: string | undefined): string {
  return idempotencyKey === undefined ? uuidV7() : uuidV5(`${actorId}|${idempotencyKey}|entity`, SPIRAL_NAMESPACE);
}
