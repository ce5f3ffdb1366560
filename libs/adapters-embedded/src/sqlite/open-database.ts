import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

/** How long a connection waits for another process's write lock before failing (a CLI beside the server). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating the folder and file if needed) a database with the settings both embedded stores
 * rely on. WAL lets readers go on while a writer commits; synchronous=FULL syncs the WAL on every
 * commit, so an acknowledged write survives a power cut and not only a crash
 * (https://sqlite.org/pragma.html#pragma_synchronous).
 */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

/** Whether the connection answers a trivial query, for health(). */
export function probe(db: SqliteDatabase): { ok: boolean; detail?: string } {
  try {
    db.prepare('SELECT 1').get();
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
