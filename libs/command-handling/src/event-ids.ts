import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { Actor } from '@spiral/event-catalogue';
import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';

// A fixed namespace for Spiral's name-based ids (RFC 9562 UUIDv5).
const SPIRAL_NAMESPACE = '6f1f8c1e-5d0a-4f3e-9a51-3f2b6a1d2c77';

/** What an idempotent command's ids are derived from: who sent it, with which key, asking what. */
export interface KeyedRequest {
  readonly actor: Actor;
  readonly idempotencyKey?: string;
  /** requestFingerprint of what was asked; see CommandEnvelope.fingerprint. */
  readonly fingerprint?: string;
}

/**
 * A key belongs to the whole identity that sent it (user, role, organisation, region): another
 * organisation's user with the same `sub` and key gets ids of its own, and passes its own checks.
 */
function keyScope(actor: Actor, idempotencyKey: string): string {
  return JSON.stringify([actor.id, actor.role, actor.org, actor.region, idempotencyKey]);
}

/** What the request asked (the domain command as sent, before facts are loaded, and its occurredAt), hashed. */
export function requestFingerprint(command: unknown, occurredAt: string | undefined): string {
  return createHash('sha256').update(canonicalize({ command, occurredAt: occurredAt ?? null }) ?? '').digest('hex');
}

const hash = (text: string) => createHash('sha256').update(text).digest();

/**
 * With a key, an event id is a UUIDv8 (RFC 9562's custom layout) of two halves: the first 64 bits
 * from the key's scope and the event's index, the last 64 from the request's fingerprint. A retry
 * of the same request derives the same id, so the store's unique ids make it a no-op; the same key
 * with another request derives the same first half and another second half, which is how the write
 * path tells a retry from a key reused for something else. Without a key, ids are UUIDv7.
 */
export function eventIdFor(request: KeyedRequest, index: number): string {
  if (request.idempotencyKey === undefined) return uuidV7();
  const bytes = Buffer.concat([
    hash(`${keyScope(request.actor, request.idempotencyKey)}|event|${index}`).subarray(0, 8),
    hash(`${request.fingerprint ?? ''}|${index}`).subarray(0, 8),
  ]);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The part of a keyed event id that names the key and index alone (its first 64 bits). */
export function keyPartOf(eventId: string): string {
  return eventId.slice(0, 18);
}

/** The id of a thing a command creates (a spiral, a team, a practice): a retry creates the same one. */
export function newEntityId(actor: Actor, idempotencyKey: string | undefined): string {
  return idempotencyKey === undefined ? uuidV7() : uuidV5(`${keyScope(actor, idempotencyKey)}|entity`, SPIRAL_NAMESPACE);
}
