import type { AppendResult } from '@spiral/ports';
import { EventStoreFailed, systemClock } from '@spiral/ports';
import { pendingEvents, rejectionOf } from '@spiral/ports/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteGroupCommit } from './sqlite-group-commit';
import { prepareEventStatements } from './sqlite-event-store.schema';
import { openDatabase, type SqliteDatabase } from './sqlite/open-database';
import { SqliteWalSync, walSyncOf } from './sqlite/wal-sync';

/** A sync the test finishes by hand. */
function heldSync() {
  let finish!: (error?: Error) => void;
  const done = new Promise<void>((resolve, reject) => (finish = (error) => (error ? reject(error) : resolve())));
  return { sync: () => done, finish };
}

const settledYet = async (promise: Promise<unknown>): Promise<boolean> => {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
};

describe('SqliteGroupCommit durability: nobody is answered before the WAL is synced', () => {
  let dataDir: string;
  let db: SqliteDatabase;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'spiral-durable-'));
    db = openDatabase(join(dataDir, 'events.sqlite'));
  });

  afterEach(() => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('commits at once but answers, and tells the feed its head, only once the sync is done', async () => {
    const held = heldSync();
    const heads: number[] = [];
    const commit = new SqliteGroupCommit(db, prepareEventStatements(db), systemClock, (head) => heads.push(head), held.sync);
    const first = commit.submit('a', pendingEvents(2), 'no_stream');
    const second = commit.submit('b', pendingEvents(1), 'no_stream');
    commit.flush();

    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 3 });
    expect(await settledYet(first)).toBe(false);
    expect(heads).toEqual([]);

    held.finish();
    const [a, b] = await Promise.all<AppendResult>([first, second]);
    expect(a?.revision).toBe(1);
    expect(b?.events[0]?.globalPosition).toBe(3);
    expect(heads).toEqual([3]);
  });

  it('refuses every append of the group when the sync fails, saying why and what to do, and tells the feed nothing', async () => {
    const held = heldSync();
    const heads: number[] = [];
    const commit = new SqliteGroupCommit(db, prepareEventStatements(db), systemClock, (head) => heads.push(head), held.sync);
    const appended = commit.submit('a', pendingEvents(1), 'no_stream');
    commit.flush();
    held.finish(new Error('EIO: the disk failed'));
    const refusal = await rejectionOf(appended);
    expect(refusal).toBeInstanceOf(EventStoreFailed);
    expect((refusal as Error).message).toMatch(/could not make a commit durable \(EIO: the disk failed\).*check the disk, then restart/);
    expect(heads).toEqual([]);
  });

  it('stops at a failed sync: a group synced after it is not answered as stored, and later appends are refused at once', async () => {
    const syncs: ReturnType<typeof heldSync>[] = [];
    const heads: number[] = [];
    const sync = () => {
      const held = heldSync();
      syncs.push(held);
      return held.sync();
    };
    const statements = prepareEventStatements(db);
    const commit = new SqliteGroupCommit(db, statements, systemClock, (head) => heads.push(head), sync);
    const failed = commit.submit('a', pendingEvents(1), 'no_stream');
    commit.flush();
    const next = commit.submit('b', pendingEvents(1), 'no_stream');
    commit.flush();
    syncs[0]?.finish(new Error('EIO: the disk failed'));
    // After a failed fsync the system may have dropped the pages it could not write: a later sync
    // that succeeds vouches for nothing.
    syncs[1]?.finish();

    expect(await rejectionOf(failed)).toBeInstanceOf(EventStoreFailed);
    expect(await rejectionOf(next)).toBeInstanceOf(EventStoreFailed);
    const stored = statements.head.get()?.head;
    expect(await rejectionOf(commit.submit('c', pendingEvents(1), 'no_stream'))).toBeInstanceOf(EventStoreFailed);
    expect(statements.head.get()?.head).toBe(stored);
    expect(syncs).toHaveLength(2);
    expect(heads).toEqual([]);
    expect(commit.failure).toBeInstanceOf(EventStoreFailed);
  });

  it('makes a refused append wait for the sync too: its refusal may rest on a commit not yet durable', async () => {
    const held = heldSync();
    const commit = new SqliteGroupCommit(db, prepareEventStatements(db), systemClock, () => undefined, held.sync);
    const first = commit.submit('a', pendingEvents(1), 'no_stream');
    const refused = commit.submit('a', pendingEvents(1), 'no_stream');
    commit.flush();
    expect(await settledYet(refused)).toBe(false);
    held.finish();
    await first;
    await expect(refused).rejects.toThrow();
  });
});

/** A database in WAL mode that has committed a row, with the WAL sync of its file; all closed and removed after. */
async function withCommittedWal(work: (opened: { readonly db: SqliteDatabase; readonly file: string; readonly wal: SqliteWalSync }) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-walsync-'));
  const file = join(dataDir, 'events.sqlite');
  const db = openDatabase(file);
  const wal = new SqliteWalSync(file);
  try {
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    await work({ db, file, wal });
  } finally {
    await wal.close();
    if (db.open) db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('SqliteWalSync', () => {
  it('syncs the WAL of a database that has committed, and gives syncs asked for while one runs one shared later sync', () =>
    withCommittedWal(async ({ wal }) => {
      const running = wal.sync();
      const [next, alsoNext] = [wal.sync(), wal.sync()];
      expect(next).toBe(alsoNext);
      expect(next).not.toBe(running);
      await expect(Promise.all([running, next])).resolves.toEqual([undefined, undefined]);
    }));

  it('runs the syncs asked for before it closes, even once the connection has closed and removed its WAL', () =>
    withCommittedWal(async ({ db, wal }) => {
      const syncs = [wal.sync(), wal.sync()];
      db.close();
      await wal.close();
      await expect(Promise.all(syncs)).resolves.toEqual([undefined, undefined]);
    }));

  it('resolves a sync whose WAL the close removed already: SQLite removes it only once checkpointed into the database', () =>
    withCommittedWal(async ({ db, file, wal }) => {
      db.close();
      await expect(wal.sync()).resolves.toBeUndefined();
      const reopened = openDatabase(file);
      expect(reopened.prepare('SELECT x FROM t').all()).toEqual([{ x: 1 }]);
      reopened.close();
    }));
});

describe('walSyncOf', () => {
  it('syncs the WAL of a file in WAL mode, and lets a connection without a WAL sync each commit itself', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-walsync-'));
    const file = join(dataDir, 'events.sqlite');
    const onDisk = openDatabase(file);
    const inMemory = openDatabase(':memory:');
    try {
      const wal = walSyncOf(onDisk, file);
      expect(wal).toBeInstanceOf(SqliteWalSync);
      expect(onDisk.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      await wal?.close();
      expect(walSyncOf(inMemory, ':memory:')).toBeUndefined();
      expect(inMemory.pragma('synchronous', { simple: true })).toBe(2); // FULL
    } finally {
      onDisk.close();
      inMemory.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
