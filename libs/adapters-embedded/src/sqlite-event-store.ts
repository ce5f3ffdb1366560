import { upcastEvent, type EventEnvelope, type PendingEvent, type StoredChainLink } from '@spiral/event-catalogue';
import {
  systemClock,
  type AppendResult,
  type Clock,
  type EngineHealth,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
} from '@spiral/ports';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Subject, type Observable } from 'rxjs';
import { catchUpThenLive } from './catch-up-then-live';
import { settled } from './settled';
import { SqliteBulkTransaction } from './sqlite-bulk-transaction';
import { SqliteGroupCommit } from './sqlite-group-commit';
import { RecentPages } from './sqlite-recent-pages';
import { SqliteStreamCache } from './sqlite-stream-cache';
import { prepareEventStatements, rowToEnvelope, type EventStatements } from './sqlite-event-store.schema';
import { rowToStoredLink } from './sqlite-stored-text';
import { openDatabase, probe, type SqliteDatabase } from './sqlite/open-database';
import { WAL_CHECKPOINT_SAFETY_PAGES } from './sqlite/wal-checkpoints';
import { walSyncOf, type SqliteWalSync } from './sqlite/wal-sync';

export interface SqliteEventStoreOptions {
  /** Stamps recordedAt; fixed in tests and replays. */
  readonly clock?: Clock;
  /** Events per page for readAll (default when the caller gives none) and for subscriptions. */
  readonly pageSize?: number;
  /**
   * Ticks when another connection to the same file has made appends durable, with the highest
   * global position it has (the embedded system's writer tells its live views' worker thread), so
   * this store's subscribers read up to there at once.
   */
  readonly appendedElsewhere?: Observable<number>;
  /**
   * Another thread checkpoints the WAL (SqliteWalCheckpoints): this connection's commits do so only
   * past WAL_CHECKPOINT_SAFETY_PAGES, and so no longer sync the WAL and the database in a commit.
   */
  readonly checkpointedElsewhere?: boolean;
}

const DEFAULT_PAGE_SIZE = 500;
/** Appends per outer commit during a bulk import (SqliteBulkTransaction): what a crash may lose, all of it repeatable. */
const BULK_APPENDS_PER_COMMIT = 2_000;
/**
 * SQLite's page cache during a bulk import, in KiB (negative: https://sqlite.org/pragma.html#pragma_cache_size).
 * The default 2 MiB holds little of the indexes of a large history, so each append's random index
 * inserts and id lookups read pages back from the file.
 */
const BULK_CACHE_KIB = 131_072;
const NO_UPPER_BOUND = Number.MAX_SAFE_INTEGER;
/** Pages kept for subscribers at the same position (RecentPages): more than the live views' thread has subscribers. */
const RECENT_PAGES = 16;

/**
 * The embedded event store: one SQLite file, one writer connection. better-sqlite3 is synchronous,
 * so appends are serialised by the event loop itself; those arriving together are committed as one
 * group, and the live feed is told right after each commit. Subscriptions see only this
 * connection's appends: another process writing the same file (a CLI) is not pushed to them.
 */
export class SqliteEventStore implements EventStore {
  private readonly appended = new Subject<number>();
  private readonly recentPages = new RecentPages(RECENT_PAGES);
  /**
   * Subscribers read up to here: the highest position known durable, so no view is ever built from
   * an event a power cut could still undo (commits are synced after they are visible, see
   * SqliteWalSync). What the file holds when it is opened counts as durable: it was synced, or has
   * outlived the process that wrote it.
   */
  private durableHead: number;
  private readonly statements: EventStatements;
  private readonly groupCommit: SqliteGroupCommit;
  private readonly walSync: SqliteWalSync | undefined;
  private readonly pageSize: number;
  private readonly clock: Clock;
  private streamCache: SqliteStreamCache | undefined;
  private bulkTransaction: SqliteBulkTransaction | undefined;

  private constructor(
    private readonly db: SqliteDatabase,
    readonly file: string,
    options: SqliteEventStoreOptions,
  ) {
    this.statements = prepareEventStatements(db);
    if (options.checkpointedElsewhere === true) db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_SAFETY_PAGES}`);
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.clock = options.clock ?? systemClock;
    // A bulk import syncs once, when it finishes.
    const walSync = walSyncOf(db, file);
    this.walSync = walSync;
    const madeDurable = () => (walSync === undefined || this.bulkTransaction !== undefined ? Promise.resolve() : walSync.sync());
    this.durableHead = this.statements.head.get()?.head ?? 0;
    this.groupCommit = new SqliteGroupCommit(db, this.statements, this.clock, (head) => this.durableUpTo(head), madeDurable);
    options.appendedElsewhere?.subscribe((head) => this.durableUpTo(head));
  }

  /**
   * Ticks after every group of appends this connection has made durable, with the highest global
   * position it has: for those who must tell other connections.
   */
  get commits(): Observable<number> {
    return this.appended.asObservable();
  }

  /** Opens `<dataDir>/events.sqlite`, creating the folder and the file when missing. */
  static open(dataDir: string, options: SqliteEventStoreOptions = {}): Promise<SqliteEventStore> {
    return SqliteEventStore.openFile(join(dataDir, 'events.sqlite'), options);
  }

  /** Opens a given file (or ':memory:'), for tools and tests that pick their own. */
  static openFile(file: string, options: SqliteEventStoreOptions = {}): Promise<SqliteEventStore> {
    return settled(() => new SqliteEventStore(openDatabase(file), file, options));
  }

  /** Concurrent appends share one commit (and one fsync): see SqliteGroupCommit. */
  append(streamId: string, events: readonly PendingEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const appended = this.groupCommit.submit(streamId, events, expected);
    if (this.bulkTransaction === undefined) return appended;
    return appended.finally(() => this.bulkTransaction?.appended());
  }

  readStream(streamId: string): Promise<EventEnvelope[]> {
    return settled(() => {
      const cache = this.streamCache;
      if (cache === undefined) return this.statements.stream.all(streamId).map((row) => upcastEvent(rowToEnvelope(row)));
      return cache.read(streamId, (revision) => this.statements.streamAfter.all(streamId, revision).map((row) => upcastEvent(rowToEnvelope(row))));
    });
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<EventEnvelope> {
    const pageSize = options.pageSize ?? this.pageSize;
    const upTo = options.upTo ?? NO_UPPER_BOUND;
    let cursor = options.after ?? 0;
    for (;;) {
      const page = this.readPage(cursor, upTo, pageSize, options);
      yield* page;
      const last = page[page.length - 1];
      if (last === undefined || page.length < pageSize) return;
      cursor = last.globalPosition;
      // Reads are synchronous: without this a long replay would hold the event loop to the end.
      await setImmediate();
    }
  }

  readStoredLinks(after: number, limit: number): Promise<StoredChainLink[]> {
    return settled(() => this.statements.storedLinks.all(after, limit).map(rowToStoredLink));
  }

  headPosition(): Promise<number> {
    return settled(() => this.statements.head.get()?.head ?? 0);
  }

  subscribeToAll(after: number): Observable<EventEnvelope> {
    return catchUpThenLive(
      {
        readPage: (from, limit) => {
          const upTo = this.durableHead;
          return this.recentPages.read(from, upTo, limit, () => this.readPage(from, upTo, limit));
        },
        appended: this.appended,
        pageSize: this.pageSize,
      },
      after,
    );
  }

  /**
   * Bulk import (`spiral seed`): until `finish`, commits are not synced (synchronous=OFF and no WAL
   * sync; WAL keeps the file consistent, https://sqlite.org/pragma.html#pragma_synchronous), appends are
   * committed together every `appendsPerCommit` (SqliteBulkTransaction) and SQLite's page
   * cache holds BULK_CACHE_KIB, so a crash may lose the latest appends, never corrupt the file.
   * `finish` commits, restores synchronous and the default cache, and checkpoints the WAL with
   * a sync, which makes everything appended so far durable at once. Only for a single writer that
   * can repeat its work (the seed's commands are idempotent), never for a server.
   */
  relaxDurabilityForBulkImport(appendsPerCommit = BULK_APPENDS_PER_COMMIT): { finish(): Promise<void> } {
    this.groupCommit.flush();
    const defaultCache = this.db.pragma('cache_size', { simple: true }) as number;
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = OFF');
    this.db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    this.bulkTransaction = new SqliteBulkTransaction(this.db, appendsPerCommit, () => this.durableUpTo(this.statements.head.get()?.head ?? 0));
    return {
      finish: () =>
        settled(() => {
          this.groupCommit.flush();
          this.bulkTransaction?.end();
          this.bulkTransaction = undefined;
          this.db.pragma(`synchronous = ${synchronous}`);
          this.db.pragma(`cache_size = ${defaultCache}`);
          this.db.pragma('wal_checkpoint(FULL)');
        }),
    };
  }

  /**
   * Bulk import (`spiral seed`): until `finish`, streams read stay parsed in memory, up to
   * `maxEvents` events (SqliteStreamCache), and are read again only past what is held. Profiled on
   * the default seed, reading and parsing whole streams again was a quarter of the writing. Only for
   * a single writer that trusts the file not to be edited under it, never for a server (an auditor's
   * trace must read what is stored now).
   */
  cacheStreamsForBulkImport(maxEvents: number): { finish(): void } {
    this.streamCache = new SqliteStreamCache(maxEvents);
    return { finish: () => (this.streamCache = undefined) };
  }

  health(): Promise<EngineHealth> {
    if (!this.db.open) return Promise.resolve({ engine: 'sqlite', ok: false, detail: `${this.file} is closed` });
    const failure = this.groupCommit.failure;
    if (failure !== undefined) return Promise.resolve({ engine: 'sqlite', ok: false, detail: failure.message });
    const { ok, detail } = probe(this.db);
    return Promise.resolve({ engine: 'sqlite', ok, detail: detail ?? this.file });
  }

  close(): Promise<void> {
    return settled(() => {
      if (!this.db.open) return;
      this.groupCommit.flush();
      // Closing would roll back a bulk import's open transaction: what was appended is kept.
      this.bulkTransaction?.end();
      this.bulkTransaction = undefined;
      this.appended.complete();
      this.db.close();
    }).then(() => this.walSync?.close());
  }

  private durableUpTo(head: number): void {
    this.durableHead = Math.max(this.durableHead, head);
    this.appended.next(this.durableHead);
  }

  /** Upcast unless the caller audits the stored form; only the given types when asked (see ReadAllOptions). */
  private readPage(after: number, upTo: number, limit: number, options: Pick<ReadAllOptions, 'asStored' | 'types'> = {}): EventEnvelope[] {
    const rows = options.types
      ? this.statements.typedPage.all(after, upTo, JSON.stringify(options.types), limit)
      : this.statements.page.all(after, upTo, limit);
    const stored = rows.map(rowToEnvelope);
    return options.asStored === true ? stored : stored.map(upcastEvent);
  }
}
