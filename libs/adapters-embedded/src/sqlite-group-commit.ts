import type { PendingEvent } from '@spiral/event-catalogue';
import { checkAppend, EventStoreFailed, type AppendResult, type CheckedAppend, type Clock, type ExpectedRevision } from '@spiral/ports';
import type { Transaction } from 'better-sqlite3';
import { CachedHeadLookups, lookupsByStatement } from './sqlite-append-lookups';
import { appendBatch, insertChecked } from './sqlite-event-append';
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

/** An insert failed after its append's checks passed: the group is run again append by append. */
class InsertFailed extends Error {
  constructor(cause: unknown) {
    super('an insert failed after its checks', { cause });
  }
}

type GroupCommit = Transaction<(group: readonly QueuedAppend[], recordedAt: string) => Outcome[]>;

/**
 * Group commit: every commit must be made durable by an fsync, and each commit has a cost of its
 * own. Appends that arrive in the same turn of the event loop (many HTTP requests, many concurrent
 * writers) are queued and committed together in one IMMEDIATE transaction, so one commit and one
 * fsync cover them all. Every caller still gets its own result: an append refused by its checks
 * (WrongExpectedRevision, EventIdInUse, …) has written nothing (see checkAppend), so the others go
 * on without it; appends to the same stream in one group see each other in arrival order. Stream
 * heads come from memory (CachedHeadLookups), event ids from the database.
 * Should an insert fail after its checks (the disk, a broken invariant), the group is rolled back
 * and run again append by append, each in a savepoint (better-sqlite3 turns a nested transaction
 * function into SAVEPOINT/RELEASE, https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#transactionfunction---function),
 * so that failure stays with its own append, as it always did.
 * Nobody is answered before the group's commit is durable (`madeDurable`: the WAL synced off the
 * event loop, see SqliteWalSync), and `onDurable` (the live feed) is told then, before the answers,
 * with the highest global position the group stored. A sync that fails stops the store: after a
 * failed fsync the system may have dropped the pages it could not write, so what was committed is
 * not known to be on disk, and a later group's sync would vouch for it; every append from then on
 * is refused with EventStoreFailed (as PostgreSQL stops on a failed fsync).
 */
export class SqliteGroupCommit {
  private queue: QueuedAppend[] = [];
  private flushScheduled = false;
  private readonly commitGroup: GroupCommit;
  private readonly commitAppendByAppend: GroupCommit;
  private readonly cachedLookups: CachedHeadLookups;
  /** Set by a failed sync: the store refuses every append after it. */
  private stopped: EventStoreFailed | undefined;

  constructor(
    db: SqliteDatabase,
    statements: EventStatements,
    private readonly clock: Clock,
    private readonly onDurable: (head: number) => void,
    private readonly madeDurable: () => Promise<void>,
  ) {
    const cached = new CachedHeadLookups(db, statements);
    this.cachedLookups = cached;
    this.commitGroup = db.transaction((group, recordedAt) => {
      cached.beginGroup();
      return group.map(({ streamId, events, expected }): Outcome => {
        let checked: CheckedAppend;
        try {
          checked = checkAppend(cached, recordedAt, streamId, events, expected);
        } catch (error) {
          return { ok: false, error };
        }
        try {
          return { ok: true, result: insertChecked(statements, cached, checked) };
        } catch (error) {
          // A failed insert may have left part of this append's rows: the whole group goes back.
          throw new InsertFailed(error);
        }
      });
    });
    const lookups = lookupsByStatement(statements);
    const appendOne = db.transaction(appendBatch);
    this.commitAppendByAppend = db.transaction((group, recordedAt) =>
      group.map(({ streamId, events, expected }): Outcome => {
        try {
          return { ok: true, result: appendOne(statements, lookups, recordedAt, streamId, events, expected) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** Why the store refuses appends, once a sync has failed. */
  get failure(): EventStoreFailed | undefined {
    return this.stopped;
  }

  submit(streamId: string, events: readonly PendingEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.stopped !== undefined) return Promise.reject(this.stopped);
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
    if (this.stopped !== undefined) return refuse(group, this.stopped);
    const recordedAt = this.clock.now();
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock before the checks, so no other connection (a CLI) can move
      // a stream between reading its head and inserting.
      outcomes = this.commitGroup.immediate(group, recordedAt);
    } catch (error) {
      // Rolled back: the heads cached from its inserts are gone with them.
      this.cachedLookups.forget();
      try {
        if (!(error instanceof InsertFailed)) throw error;
        outcomes = this.commitAppendByAppend.immediate(group, recordedAt);
      } catch (groupError) {
        return refuse(group, groupError);
      }
    }
    // Every answer waits for the sync, a refusal or a retry's earlier answer too: each may rest on
    // a commit of an earlier group whose sync is still running.
    const head = highestPosition(outcomes);
    this.madeDurable().then(
      () => this.answer(group, outcomes, head),
      (syncError: unknown) => {
        this.stopped ??= new EventStoreFailed(syncError);
        refuse(group, this.stopped);
      },
    );
  }

  private answer(group: readonly QueuedAppend[], outcomes: readonly Outcome[], head: number | undefined): void {
    // A sync after a failed one may succeed without the pages the failed one lost: it vouches for nothing.
    if (this.stopped !== undefined) return refuse(group, this.stopped);
    if (head !== undefined) this.onDurable(head);
    outcomes.forEach((outcome, index) => {
      const queued = group[index] as QueuedAppend;
      if (outcome.ok) queued.resolve(outcome.result);
      else queued.reject(outcome.error);
    });
  }
}

function refuse(group: readonly QueuedAppend[], reason: unknown): void {
  for (const queued of group) queued.reject(reason);
}

/** The global position of the last event the group stored, if it stored any. */
function highestPosition(outcomes: readonly Outcome[]): number | undefined {
  let head: number | undefined;
  for (const outcome of outcomes) {
    const last = outcome.ok && !outcome.result.duplicate ? outcome.result.events.at(-1) : undefined;
    if (last !== undefined) head = Math.max(head ?? 0, last.globalPosition);
  }
  return head;
}
