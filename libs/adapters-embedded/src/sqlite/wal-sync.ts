import { open, type FileHandle } from 'node:fs/promises';
import type { SqliteDatabase } from './open-database';

/**
 * Makes a WAL-mode database's commits durable off the event loop. Under synchronous=NORMAL a commit
 * writes its frames to the WAL without an fsync (https://sqlite.org/pragma.html#pragma_synchronous:
 * "the WAL file is synchronized before each checkpoint", and a restarted WAL's header is synced
 * too), so a crash of the process loses nothing and only a power cut could undo the latest commits.
 * One fdatasync of the WAL file after a commit makes it, and every commit before it, as durable as
 * synchronous=FULL would have, but on libuv's thread pool (https://nodejs.org/api/fs.html#threadpool-usage),
 * while the event loop goes on parsing requests: profiled under the commands bench, FULL's fsync
 * inside the commit was a fifth of the server thread's time. Callers acknowledge only once `sync`
 * resolves. Syncs asked for while one runs share the next one, which starts after it (a sync that
 * started before a commit does not cover it).
 */
export class SqliteWalSync {
  private handle: Promise<FileHandle> | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly databaseFile: string) {}

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    if (this.running === undefined) return this.start();
    this.queued ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  /**
   * Closes the WAL's file handle once the syncs asked for have run (the database's own connection is
   * closed by its owner, maybe before: the handle still syncs what was written, the file removed or not).
   */
  async close(): Promise<void> {
    for (let pending = this.queued ?? this.running; pending !== undefined; pending = this.queued ?? this.running) {
      await pending.catch(() => undefined);
    }
    const handle = this.handle;
    this.handle = undefined;
    if (handle !== undefined) await (await handle.catch(() => undefined))?.close();
  }

  private startQueued(): Promise<void> {
    this.queued = undefined;
    return this.start();
  }

  private start(): Promise<void> {
    const running = this.datasync().finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private async datasync(): Promise<void> {
    // Opened at the first sync: SQLite creates the WAL at its first write, and never removes it
    // while its connection is open, so the handle stays the WAL's for the connection's lifetime.
    this.handle ??= open(`${this.databaseFile}-wal`, 'r+').catch((error: unknown) => {
      this.handle = undefined; // the next sync tries again
      throw error;
    });
    let handle: FileHandle;
    try {
      handle = await this.handle;
    } catch (error) {
      // Gone before the first sync opened it (the open runs on the thread pool, maybe after the
      // store's close): SQLite removes a WAL only once its last connection has checkpointed it into
      // the database, synced, so what it held is on disk already.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await handle.datasync();
  }
}

/**
 * The WAL sync of a connection opened by openDatabase, or none where SQLite kept another journal
 * mode (':memory:'; a file system without the shared memory WAL needs): there each commit syncs
 * itself (synchronous=FULL), as every commit did before SqliteWalSync.
 */
export function walSyncOf(db: SqliteDatabase, file: string): SqliteWalSync | undefined {
  if (db.pragma('journal_mode', { simple: true }) === 'wal') return new SqliteWalSync(file);
  db.pragma('synchronous = FULL');
  return undefined;
}
