import { chainEvents, type EventEnvelope, type PendingEvent } from '@spiral/event-catalogue';
import {
  EventIdInUse,
  PartialDuplicateAppend,
  WrongExpectedRevision,
  type AppendResult,
  type ExpectedRevision,
} from '@spiral/ports';
import { envelopeToRow, rowToEnvelope, type EventRow, type EventStatements } from './sqlite-event-store.schema';

/**
 * The body of one append, run inside an immediate transaction so the checks and the inserts see
 * the same stream head: idempotency by event id first, then the expected revision, then the rows
 * with their hash chain. Any throw rolls the whole batch back.
 */
export function appendBatch(
  statements: EventStatements,
  recordedAt: string,
  streamId: string,
  events: readonly PendingEvent[],
  expected: ExpectedRevision,
): AppendResult {
  if (events.length === 0) throw new RangeError(`append to ${streamId} needs at least one event`);
  const stored = findStored(statements, streamId, events);
  if (stored.length === events.length) return duplicateResult(streamId, stored);
  if (stored.length > 0) throw new PartialDuplicateAppend(streamId);

  const head = statements.streamHead.get(streamId);
  checkExpected(streamId, expected, head?.stream_revision);
  const chainHead = head === undefined ? undefined : { streamRevision: head.stream_revision, hash: head.hash };
  const appended: EventEnvelope[] = [];
  for (const chained of chainEvents(streamId, events, chainHead, recordedAt)) {
    const { lastInsertRowid } = statements.insert.run(envelopeToRow(chained));
    appended.push({ ...chained, globalPosition: Number(lastInsertRowid) });
  }
  const last = appended[appended.length - 1] as EventEnvelope;
  return { streamId, revision: last.streamRevision, globalPosition: last.globalPosition, events: appended, duplicate: false };
}

/** The rows already holding the batch's ids; an id held by another stream refuses the batch. */
function findStored(statements: EventStatements, streamId: string, events: readonly PendingEvent[]): EventRow[] {
  const rows = new Map<string, EventRow>();
  for (const { eventId } of events) {
    const row = statements.byEventId.get(eventId);
    if (row === undefined) continue;
    if (row.stream_id !== streamId) throw new EventIdInUse(streamId, eventId, row.stream_id);
    rows.set(eventId, row);
  }
  return [...rows.values()].sort((a, b) => a.stream_revision - b.stream_revision);
}

function duplicateResult(streamId: string, rows: readonly EventRow[]): AppendResult {
  const events = rows.map(rowToEnvelope);
  const last = events[events.length - 1] as EventEnvelope;
  return { streamId, revision: last.streamRevision, globalPosition: last.globalPosition, events, duplicate: true };
}

function checkExpected(streamId: string, expected: ExpectedRevision, current: number | undefined): void {
  const actual = current ?? 'no_stream';
  if (expected === 'any' || expected === actual) return;
  throw new WrongExpectedRevision(streamId, expected, actual);
}
