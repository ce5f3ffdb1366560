import type { Actor, EventEnvelope } from '@spiral/event-catalogue';

/**
 * How one envelope is laid out in KurrentDB. The event id, type, stream and revision are the
 * engine's own fields; the payload is the JSON data; everything else goes into the metadata.
 * Every metadata value is a string: KurrentDB's newer append APIs (multiStreamAppend, and the
 * .NET client's docs for the v2 protocol) accept only string-valued metadata, so a flat map of
 * strings stays readable whichever API wrote it. `$correlationId` and `$causationId` are the
 * names the server's `$by_correlation_id` system projection indexes.
 */
export interface EnvelopeMetadata {
  readonly $correlationId: string;
  readonly $causationId: string;
  /** The Actor as JSON: it is the one structured field. */
  readonly actor: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly schemaVersion: string;
  /** Absent on a stream's first event. */
  readonly previousHash?: string;
  readonly hash: string;
}

/** What the adapter hands to the client for one event (before the client's own wrapping). */
export interface StoredEventParts {
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EnvelopeMetadata;
}

/** What the adapter reads back for one event, in plain numbers (see `positionToNumber`). */
export interface RecordedParts {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly commitPosition: bigint | undefined;
}

export function envelopeToStored(event: Omit<EventEnvelope, 'globalPosition'>): StoredEventParts {
  const metadata: EnvelopeMetadata = {
    $correlationId: event.correlationId,
    $causationId: event.causationId,
    actor: JSON.stringify(event.actor),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    schemaVersion: String(event.schemaVersion),
    ...(event.previousHash === null ? {} : { previousHash: event.previousHash }),
    hash: event.hash,
  };
  return { id: event.eventId, type: event.type, data: event.data as Record<string, unknown>, metadata };
}

/** Thrown for an event that was not written by this adapter (another application on a shared server). */
export class NotASpiralEvent extends Error {}

/** The envelope of a recorded event, or NotASpiralEvent when its metadata is not ours. */
export function recordedToEnvelope(recorded: RecordedParts): EventEnvelope {
  const metadata = spiralMetadata(recorded);
  return {
    eventId: recorded.id,
    type: recorded.type,
    schemaVersion: Number(metadata.schemaVersion),
    data: recorded.data as object,
    occurredAt: metadata.occurredAt,
    actor: JSON.parse(metadata.actor) as Actor,
    correlationId: metadata.$correlationId,
    causationId: metadata.$causationId,
    streamId: recorded.streamId,
    streamRevision: revisionToNumber(recorded.revision),
    globalPosition: positionToNumber(recorded.commitPosition, recorded.id),
    recordedAt: metadata.recordedAt,
    previousHash: metadata.previousHash ?? null,
    hash: metadata.hash,
  };
}

const REQUIRED = ['$correlationId', '$causationId', 'actor', 'occurredAt', 'recordedAt', 'schemaVersion', 'hash'] as const;

function spiralMetadata(recorded: RecordedParts): EnvelopeMetadata {
  const metadata = recorded.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata) || metadata instanceof Uint8Array) {
    throw new NotASpiralEvent(`event ${recorded.id} in ${recorded.streamId} has no JSON metadata`);
  }
  const fields = metadata as Record<string, unknown>;
  const missing = REQUIRED.filter((name) => typeof fields[name] !== 'string');
  if (missing.length > 0 || typeof recorded.data !== 'object' || recorded.data === null) {
    throw new NotASpiralEvent(`event ${recorded.id} in ${recorded.streamId} lacks Spiral's envelope (${missing.join(', ') || 'data'})`);
  }
  return fields as unknown as EnvelopeMetadata;
}

/**
 * The 64-bit position KurrentDB returns, as the port's `number`. Commit positions are byte offsets
 * in the transaction log: exact as a double up to 2^53 bytes (8 PiB of log), which no single
 * database reaches; past it this throws rather than round silently. An event read from a stream
 * (not from $all) carries its position only on servers from 22.6 on; older ones send none or
 * 2^64-1, and this throws with that explanation instead of handing out a wrong position.
 */
export function positionToNumber(position: bigint | undefined, eventId: string): number {
  if (position === undefined || position < 0n || position === 0xffff_ffff_ffff_ffffn) {
    throw new Error(`KurrentDB returned no commit position for event ${eventId}: the server must be 22.6 or later`);
  }
  if (position > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`commit position ${position} of event ${eventId} is beyond 2^53 and cannot be a JavaScript number`);
  }
  return Number(position);
}

function revisionToNumber(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`stream revision ${revision} is out of range`);
  return Number(revision);
}

/** The client's position object for a port position: our events have commit === prepare (see README). */
export function numberToPosition(position: number): { commit: bigint; prepare: bigint } {
  return { commit: BigInt(position), prepare: BigInt(position) };
}
