import type { PendingEvent } from '@spiral/event-catalogue';
import type { AppendResult, Clock, ExpectedRevision } from '@spiral/ports';
import type { Transaction } from 'better-sqlite3';
import { appendBatch } from './sqlite-event-append';
import type { EventStatements } from './sqlite-event-store.schema';
import type { SqliteDatabase } from './sqlite/open-database';

interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly PendingEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (reason: unknown) => void;
}

type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit: with synchronous=FULL every commit waits for an fsync, which dwarfs the work of one
 * append. Appends that arrive in the same turn of the event loop (many HTTP requests, many
 * concurrent writers) are queued and committed together in one IMMEDIATE transaction, so one fsync
 * covers them all. Each append still runs on its own inside a savepoint (better-sqlite3 turns a
 * nested transaction function into SAVEPOINT/RELEASE, https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#transactionfunction---function),
 * so one WrongExpectedRevision rolls back only its own append and every caller gets its own
 * result; appends to the same stream in one group see each other in arrival order. Nobody is
 * answered before the group's commit returns, and `onCommitted` (the live feed) is told after it.
 */
export class SqliteGroupCommit {
  private queue: QueuedAppend[] = [];
  private flushScheduled = false;
  private readonly appendOne: Transaction<typeof appendBatch>;
  private readonly commitGroup: Transaction<(group: readonly QueuedAppend[], recordedAt: string) => Outcome[]>;

  constructor(
    db: SqliteDatabase,
    statements: EventStatements,
    private readonly clock: Clock,
    private readonly onCommitted: () => void,
  ) {
    this.appendOne = db.transaction(appendBatch);
    this.commitGroup = db.transaction((group, recordedAt) =>
      group.map(({ streamId, events, expected }): Outcome => {
        try {
          return { ok: true, result: this.appendOne(statements, recordedAt, streamId, events, expected) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  submit(streamId: string, events: readonly PendingEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      // setImmediate runs after the I/O callbacks of this loop turn, so every append they start joins.
      setImmediate(() => this.flush());
    });
  }

  /** Commits whatever is queued now; also called on close so no queued append is lost. */
  flush(): void {
    this.flushScheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock before the checks, so no other connection (a CLI) can move
      // a stream between reading its head and inserting.
      outcomes = this.commitGroup.immediate(group, this.clock.now());
    } catch (error) {
      for (const queued of group) queued.reject(error);
      return;
    }
    if (outcomes.some((outcome) => outcome.ok && !outcome.result.duplicate)) this.onCommitted();
    outcomes.forEach((outcome, index) => {
      const queued = group[index] as QueuedAppend;
      if (outcome.ok) queued.resolve(outcome.result);
      else queued.reject(outcome.error);
    });
  }
}
