import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventEnvelope, PendingEvent } from './event-envelope';

export type UnhashedEnvelope = Omit<EventEnvelope, 'hash' | 'globalPosition'>;

/**
 * SHA-256 over the RFC 8785 (JCS) canonical JSON of everything an auditor relies on, chained
 * through previousHash so that altering, removing or reordering an event breaks every later link.
 * The global position is left out: an engine may assign it after the hash is fixed.
 */
export function computeEventHash(event: UnhashedEnvelope): string {
  return sha256Hex(canonicalEventText(event));
}

/**
 * The canonical text of the hashed object `{eventId, type, …, data, previousHash}`, the same as
 * `canonicalize` gives for it (RFC 8785 §3.2.3: members sorted by UTF-16 code units, values in
 * ES JSON form), built without sorting the twelve fixed names on every event: they are listed here
 * already sorted, and only the nested `actor` and `data` go through `canonicalize` (or come
 * ready-made from the caller). A member whose value is undefined is left out, as canonicalize does.
 */
function canonicalEventText(event: UnhashedEnvelope, canonicalActor: string | undefined = canonicalize(event.actor)): string {
  let text = '';
  const member = (name: string, value: unknown, canonical: (value: unknown) => string | undefined) => {
    if (value === undefined || typeof value === 'symbol') return;
    text += `${text === '' ? '' : ','}"${name}":${String(canonical(value))}`;
  };
  member('actor', event.actor, () => canonicalActor);
  member('causationId', event.causationId, scalar);
  member('correlationId', event.correlationId, scalar);
  member('data', event.data, canonicalize);
  member('eventId', event.eventId, scalar);
  member('occurredAt', event.occurredAt, scalar);
  member('previousHash', event.previousHash, scalar);
  member('recordedAt', event.recordedAt, scalar);
  member('schemaVersion', event.schemaVersion, scalar);
  member('streamId', event.streamId, scalar);
  member('streamRevision', event.streamRevision, scalar);
  member('type', event.type, scalar);
  return `{${text}}`;
}

/** Actors repeat from event to event; their canonical text is a function of their JSON text alone. */
const canonicalActors = new Map<string, string | undefined>();
const MAX_CACHED_ACTORS = 10_000;

function canonicalActorOf(actorJson: string, actor: unknown): string | undefined {
  if (canonicalActors.has(actorJson)) return canonicalActors.get(actorJson);
  if (canonicalActors.size >= MAX_CACHED_ACTORS) canonicalActors.clear();
  const canonical = canonicalize(actor);
  canonicalActors.set(actorJson, canonical);
  return canonical;
}

/** Strings, numbers and null as canonicalize writes them; anything else goes to canonicalize itself. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string' || value === null) return JSON.stringify(value);
  return canonicalize(value);
}

function sha256Hex(text: string): string {
  // One-shot hash (Node ≥ 20.12, https://nodejs.org/api/crypto.html#cryptohashalgorithm-data-outputencoding):
  // the same digest as createHash().update().digest(), without a Hash object per event.
  return hash('sha256', text, 'hex');
}

/** An event ready to append: the envelope with its hash, still without a global position. */
export type ChainedEvent = Omit<EventEnvelope, 'globalPosition'>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A chained event with the JSON text of its data and actor, for adapters that store that text. */
export interface SealedEvent {
  readonly event: ChainedEvent;
  /** `JSON.stringify(event.data)`: what readers parse back into `event.data`. */
  readonly dataJson: string;
  /** `JSON.stringify(event.actor)`. */
  readonly actorJson: string;
}

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
  return sealEvents(streamId, events, head, recordedAt).map((sealed) => sealed.event);
}

/**
 * chainEvents, also handing back the JSON text of each event's data and actor: each is serialised
 * once, parsed once (the hash covers what readers will get back: the JSON round trip drops
 * undefined fields and the like) and canonicalised once, and the store can write that same text.
 */
export function sealEvents(
  streamId: string,
  events: readonly PendingEvent[],
  head: Pick<EventEnvelope, 'streamRevision' | 'hash'> | undefined,
  recordedAt: string,
): SealedEvent[] {
  let previousHash = head?.hash ?? null;
  let revision = head?.streamRevision ?? -1;
  return events.map((pending) => {
    revision += 1;
    const dataJson = JSON.stringify(pending.data);
    const actorJson = JSON.stringify(pending.actor);
    // One literal with every field, hash filled in last: spreading an unhashed copy into a new
    // object cost more than the hash itself (measured, Node 20).
    const event: Mutable<ChainedEvent> = {
      eventId: pending.eventId,
      type: pending.type,
      schemaVersion: pending.schemaVersion,
      data: JSON.parse(dataJson) as PendingEvent['data'],
      occurredAt: pending.occurredAt,
      actor: JSON.parse(actorJson) as PendingEvent['actor'],
      correlationId: pending.correlationId,
      causationId: pending.causationId,
      streamId,
      streamRevision: revision,
      recordedAt,
      previousHash,
      hash: '',
    };
    event.hash = sha256Hex(canonicalEventText(event, canonicalActorOf(actorJson, event.actor)));
    previousHash = event.hash;
    return { event, dataJson, actorJson };
  });
}
