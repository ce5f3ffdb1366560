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
  return sha256Hex(canonicalEventText(event, canonicalMember(event.actor), canonicalMember(event.data)));
}

/** The hashed fields but the nested two, whose canonical text comes ready-made (sealed, stored, or computed). */
type HashedFields = Omit<UnhashedEnvelope, 'data' | 'actor'>;

/**
 * The canonical text of the hashed object `{eventId, type, …, data, previousHash}`, the same as
 * `canonicalize` gives for it (RFC 8785 §3.2.3: members sorted by UTF-16 code units, values in
 * ES JSON form), built without sorting the twelve fixed names on every event: HASHED_MEMBERS lists
 * them already sorted, and the nested `actor` and `data` come as canonical text. A member whose value
 * is undefined is left out, as canonicalize does.
 */
function canonicalEventText(fields: HashedFields, canonicalActor: string | undefined, canonicalData: string | undefined): string {
  let text = '';
  for (const [name, form] of HASHED_MEMBERS) {
    let canonical: string | undefined;
    if (form === 'json') canonical = name === 'actor' ? canonicalActor : canonicalData;
    else {
      const value = fields[name];
      canonical = present(value) ? String(scalar(value)) : undefined;
    }
    if (canonical !== undefined) text += `${text === '' ? '' : ','}"${name}":${canonical}`;
  }
  return `{${text}}`;
}

/**
 * The members the hash covers, in canonical (sorted) order, each with its JSON form: nested JSON
 * (actor, data), a string, a string or null, a number. canonicalEventText writes them; an engine
 * that assembles the same text from its stored columns (SQLite, for verify) reads them here too.
 */
export const HASHED_MEMBERS = [
  ['actor', 'json'],
  ['causationId', 'string'],
  ['correlationId', 'string'],
  ['data', 'json'],
  ['eventId', 'string'],
  ['occurredAt', 'string'],
  ['previousHash', 'string-or-null'],
  ['recordedAt', 'string'],
  ['schemaVersion', 'number'],
  ['streamId', 'string'],
  ['streamRevision', 'number'],
  ['type', 'string'],
] as const satisfies readonly (readonly [keyof UnhashedEnvelope, 'json' | 'string' | 'string-or-null' | 'number'])[];

const present = (value: unknown) => value !== undefined && typeof value !== 'symbol';

/** A nested member's canonical text; undefined (left out) when the member is. */
function canonicalMember(value: unknown): string | undefined {
  return present(value) ? String(canonicalJson(value)) : undefined;
}

/**
 * canonicalize(value), natively where it can be: JSON.stringify writes an object's members in the
 * order Object.keys gives them, and numbers and strings exactly as RFC 8785 does (ES forms), so for
 * plain JSON values whose members are already sorted at every level its text is the canonical one.
 * Events are stored with their data and actor in that order (sealEvents), so reading them back
 * (verify) costs no sort; anything else (older stores, Dates, undefined members) goes to canonicalize.
 */
function canonicalJson(value: unknown): string | undefined {
  return inCanonicalOrder(value) ? JSON.stringify(value) : canonicalize(value);
}

function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every(inCanonicalOrder);
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let previous = '';
  let first = true;
  for (const key of Object.keys(value)) {
    // Code-unit order, as RFC 8785 sorts; integer-like keys come first from Object.keys, out of that order.
    if (!first && key <= previous) return false;
    if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false;
    previous = key;
    first = false;
  }
  return true;
}

/** Strings, numbers and null as canonicalize writes them; anything else goes to canonicalize itself. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string' || value === null) return JSON.stringify(value);
  return canonicalize(value);
}

export function sha256Hex(text: string): string {
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
  /** The canonical JSON text of `event.data` (what the hash covers): what readers parse back into `event.data`. */
  readonly dataJson: string;
  /** The canonical JSON text of `event.actor`. */
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
 * chainEvents, also handing back the JSON text of each event's data and actor to store: their
 * canonical text (RFC 8785), the very text the hash covers. Each is serialised and parsed once (the
 * hash covers what readers will get back: the JSON round trip drops undefined fields and the like),
 * canonicalised once, and parsed back from the canonical text, so the event handed on and the event
 * a reader gets back hold their members in the same (sorted) order. A store that keeps this text
 * lets verify hash what it reads without sorting anything (canonicalJson).
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
    const dataJson = canonicalOf(pending.data);
    const actorJson = canonicalActorOf(pending.actor);
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
    event.hash = sha256Hex(canonicalEventText(event, actorJson, dataJson));
    previousHash = event.hash;
    return { event, dataJson, actorJson };
  });
}

/** The canonical text of a value after the JSON round trip a reader's copy goes through. */
function canonicalOf(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('an event holds JSON: data and actor cannot be undefined');
  return String(canonicalJson(JSON.parse(json)));
}

/** Actors repeat from event to event (a seed has a few hundred): their canonical text, by their JSON text. */
const canonicalActors = new Map<string, string>();
const MAX_CACHED_ACTORS = 10_000;

function canonicalActorOf(actor: unknown): string {
  const json = JSON.stringify(actor);
  const cached = canonicalActors.get(json);
  if (cached !== undefined) return cached;
  if (canonicalActors.size >= MAX_CACHED_ACTORS) canonicalActors.clear();
  const canonical = canonicalOf(actor);
  canonicalActors.set(json, canonical);
  return canonical;
}
