import { sealEvents, type ChainedEvent, type EventEnvelope, type PendingEvent, type SealedEvent } from '@spiral/event-catalogue';
import type { AppendResult, ExpectedRevision } from './event-store.port';
import { EventIdInUse, PartialDuplicateAppend, WrongExpectedRevision } from './port-errors';

// The append rules every engine that checks appends itself (SQLite, PostgreSQL) applies the same
// way, in one place: idempotency by event id, then the expected revision, then the hash chain.

export interface StreamHead {
  readonly streamRevision: number;
  readonly hash: string;
}

/** What an append's checks need to know of the store, as seen inside the current transaction. */
export interface AppendLookups {
  /** The stored event holding this id, if any (from any stream). */
  storedEvent(eventId: string): EventEnvelope | undefined;
  /** The stream's last event; undefined for a stream with no events. */
  head(streamId: string): StreamHead | undefined;
  /** Told of every append's rows once inserted, so later appends in the transaction see them. */
  inserted(events: readonly EventEnvelope[]): void;
}

/** An append that passed its checks: either already stored (a retry) or sealed rows to insert. */
export type CheckedAppend =
  | { readonly duplicate: true; readonly result: AppendResult }
  | { readonly duplicate: false; readonly streamId: string; readonly sealed: readonly SealedEvent[] };

/**
 * Everything that can refuse an append, before anything is written: idempotency by event id first,
 * then the expected revision, then sealing the rows (serialising and hashing them, which throws on
 * a payload JSON cannot hold). So an append that gets past this writes nothing it could regret,
 * and a group needs no savepoint per append. Runs where no other writer can move the streams
 * (an immediate transaction, a lock), so the checks and the inserts see the same stream head, or
 * before that, when the insert's unique constraints (stream and revision, event id) refuse rows
 * whose stream moved meanwhile and the append is then checked again (PostgresGroupCommit).
 */
export function checkAppend(
  lookups: AppendLookups,
  recordedAt: string,
  streamId: string,
  events: readonly PendingEvent[],
  expected: ExpectedRevision,
): CheckedAppend {
  if (events.length === 0) throw new RangeError(`append to ${streamId} needs at least one event`);
  const stored = findStored(lookups, streamId, events);
  if (stored.length === events.length) return { duplicate: true, result: duplicateResult(streamId, stored) };
  if (stored.length > 0) throw new PartialDuplicateAppend(streamId);

  const head = lookups.head(streamId);
  checkExpected(streamId, expected, head?.streamRevision);
  return { duplicate: false, streamId, sealed: sealEvents(streamId, events, head, recordedAt) };
}

/** The stored envelope: written out rather than spread, which costs more than the insert's own JS (measured). */
export function positionedEvent(event: ChainedEvent, globalPosition: number): EventEnvelope {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    occurredAt: event.occurredAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    globalPosition,
    recordedAt: event.recordedAt,
    previousHash: event.previousHash,
    hash: event.hash,
  };
}

/** The result of an append whose events were inserted at their positions, in stream order. */
export function appendedResult(streamId: string, appended: readonly EventEnvelope[]): AppendResult {
  const last = appended[appended.length - 1] as EventEnvelope;
  return { streamId, revision: last.streamRevision, globalPosition: last.globalPosition, events: [...appended], duplicate: false };
}

/** The events already holding the batch's ids; an id held by another stream refuses the batch. */
function findStored(lookups: AppendLookups, streamId: string, events: readonly PendingEvent[]): EventEnvelope[] {
  const found = new Map<string, EventEnvelope>();
  for (const { eventId } of events) {
    const event = lookups.storedEvent(eventId);
    if (event === undefined) continue;
    if (event.streamId !== streamId) throw new EventIdInUse(streamId, eventId, event.streamId);
    found.set(eventId, event);
  }
  return [...found.values()].sort((a, b) => a.streamRevision - b.streamRevision);
}

function duplicateResult(streamId: string, events: readonly EventEnvelope[]): AppendResult {
  return { ...appendedResult(streamId, events), duplicate: true };
}

function checkExpected(streamId: string, expected: ExpectedRevision, current: number | undefined): void {
  const actual = current ?? 'no_stream';
  if (expected === 'any' || expected === actual) return;
  throw new WrongExpectedRevision(streamId, expected, actual);
}
