import { extname, join } from 'node:path';
import { openDatabase, type SqliteDatabase } from './open-database';

/**
 * The WAL pages past which a connection that leaves checkpoints to another thread still checkpoints
 * itself (`wal_autocheckpoint`, https://sqlite.org/pragma.html#pragma_wal_autocheckpoint): a bound on
 * the WAL (16 MiB of 4 KiB pages) while that thread is behind, stopped or gone. SQLite's default is
 * 1,000, and each of those checkpoints syncs the WAL and the database on the committing thread.
 */
export const WAL_CHECKPOINT_SAFETY_PAGES = 4_000;

/** What one checkpoint did: the WAL's frames, and how many of them are now in the database. */
export interface WalCheckpoint {
  readonly walFrames: number;
  readonly checkpointed: number;
}

/**
 * Checkpoints a WAL-mode database from a connection of its own, so the connection that commits does
 * not (it is opened with `checkpointedElsewhere`). Under synchronous=NORMAL each checkpoint syncs the
 * WAL and then the database file, on the thread that runs it: done by the server's writer every 1,000
 * pages, that blocked every request for two syncs. Measured with better-sqlite3 on this machine kind,
 * 20,000 commits of two events each (shared machine, two runs each): commit p99 7.8-12 ms with
 * SQLite's own checkpoints, 0.8-4.2 ms with these in another thread every 100 ms. PASSIVE never waits
 * for the writer or the readers (https://sqlite.org/c3ref/wal_checkpoint_v2.html): it copies the
 * frames no reader still needs, and the writer starts the WAL over once all are copied.
 */
export class SqliteWalCheckpoints {
  private constructor(private readonly db: SqliteDatabase) {}

  static open(file: string): SqliteWalCheckpoints {
    return new SqliteWalCheckpoints(openDatabase(file));
  }

  checkpoint(): WalCheckpoint {
    const [result] = this.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    return { walFrames: Math.max(0, result?.log ?? 0), checkpointed: Math.max(0, result?.checkpointed ?? 0) };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** The module of a thread that runs a SqliteWalCheckpoints every `everyMs` (wal-checkpoints.worker.ts). */
export const WAL_CHECKPOINTS_WORKER = join(__dirname, `wal-checkpoints.worker${extname(__filename)}`);

export interface WalCheckpointsWorkerData {
  readonly file: string;
  readonly everyMs: number;
}

/** What the thread tells: a checkpoint that copied pages, or a failure (told once until one succeeds again). */
export type FromWalCheckpoints = { readonly kind: 'checkpointed'; readonly frames: number } | { readonly kind: 'failed'; readonly message: string };
