import { sealEvents, type ChainedEvent, type EventEnvelope, type PendingEvent, type SealedEvent } from '@spiral/event-catalogue';
import {
  EventIdInUse,
  PartialDuplicateAppend,
  WrongExpectedRevision,
  type AppendResult,
  type ExpectedRevision,
} from '@spiral/ports';
import type { AppendLookups } from './sqlite-append-lookups';
import { sealedToRow, type EventStatements } from './sqlite-event-store.schema';

/** An append that passed its checks: either already stored (a retry) or sealed rows to insert. */
export type CheckedAppend =
  | { readonly duplicate: true; readonly result: AppendResult }
  | { readonly duplicate: false; readonly streamId: string; readonly sealed: readonly SealedEvent[] };

/**
 * Everything that can refuse an append, before anything is written: idempotency by event id first,
 * then the expected revision, then sealing the rows (serialising and hashing them, which throws on
 * a payload JSON cannot hold). So an append that gets past this writes nothing it could regret,
 * and a group needs no savepoint per append. Runs inside an immediate transaction, so the checks
 * and the inserts see the same stream head.
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

/** Inserts a checked append's rows; a throw here is the database's (I/O, a broken invariant), not the caller's. */
export function insertChecked(statements: EventStatements, lookups: AppendLookups, checked: CheckedAppend): AppendResult {
  if (checked.duplicate) return checked.result;
  const appended: EventEnvelope[] = checked.sealed.map((sealed) => {
    const { lastInsertRowid } = statements.insert.run(sealedToRow(sealed));
    return positioned(sealed.event, Number(lastInsertRowid));
  });
  lookups.inserted(appended);
  const last = appended[appended.length - 1] as EventEnvelope;
  return { streamId: checked.streamId, revision: last.streamRevision, globalPosition: last.globalPosition, events: appended, duplicate: false };
}

/** One append on its own: its checks, then its rows. Any throw rolls the whole batch back when run in a (save)point. */
export function appendBatch(
  statements: EventStatements,
  lookups: AppendLookups,
  recordedAt: string,
  streamId: string,
  events: readonly PendingEvent[],
  expected: ExpectedRevision,
): AppendResult {
  return insertChecked(statements, lookups, checkAppend(lookups, recordedAt, streamId, events, expected));
}

/** The stored envelope: written out rather than spread, which costs more than the insert's own JS (measured). */
function positioned(event: ChainedEvent, globalPosition: number): EventEnvelope {
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
  const last = events[events.length - 1] as EventEnvelope;
  return { streamId, revision: last.streamRevision, globalPosition: last.globalPosition, events: [...events], duplicate: true };
}

function checkExpected(streamId: string, expected: ExpectedRevision, current: number | undefined): void {
  const actual = current ?? 'no_stream';
  if (expected === 'any' || expected === actual) return;
  throw new WrongExpectedRevision(streamId, expected, actual);
}
