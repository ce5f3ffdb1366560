import type { EventEnvelope, PendingEvent } from '@spiral/event-catalogue';
import {
  appendedResult,
  checkAppend,
  positionedEvent,
  type AppendLookups,
  type AppendResult,
  type CheckedAppend,
  type ExpectedRevision,
} from '@spiral/ports';
import { sealedToRow, type EventStatements } from './sqlite-event-store.schema';

/** Inserts a checked append's rows; a throw here is the database's (I/O, a broken invariant), not the caller's. */
export function insertChecked(statements: EventStatements, lookups: AppendLookups, checked: CheckedAppend): AppendResult {
  if (checked.duplicate) return checked.result;
  const appended: EventEnvelope[] = checked.sealed.map((sealed) => {
    const { lastInsertRowid } = statements.insert.run(sealedToRow(sealed));
    return positionedEvent(sealed.event, Number(lastInsertRowid));
  });
  lookups.inserted(appended);
  return appendedResult(checked.streamId, appended);
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
