import type { SqliteDatabase } from './sqlite/open-database';

/**
 * Bulk import (`spiral seed`): appends made one at a time, each awaited, each a transaction of its
 * own. Profiled on the large seed, BEGIN/COMMIT was the largest single cost (14 % of the seed: every
 * commit writes each page it touched to the WAL, and the random event-id and correlation indexes
 * touch new pages all over a growing file). Here the appends run inside one outer IMMEDIATE
 * transaction, committed every `appendsPerCommit` appends: each group commit becomes a savepoint
 * (better-sqlite3 nests transaction functions as SAVEPOINT/RELEASE), so a refused append still rolls
 * back alone, and a page touched by many appends is written once per outer commit. This connection
 * reads its own uncommitted appends; other connections see them at each outer commit.
 */
export class SqliteBulkTransaction {
  private appendsSinceCommit = 0;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly appendsPerCommit: number,
    private readonly onCommitted: () => void,
  ) {
    db.exec('BEGIN IMMEDIATE');
  }

  /** After each append has returned (never inside a group's savepoint): commits when enough have gathered. */
  appended(): void {
    this.appendsSinceCommit += 1;
    if (this.appendsSinceCommit < this.appendsPerCommit) return;
    this.commit();
    this.db.exec('BEGIN IMMEDIATE');
  }

  /** Commits what is left; the connection is back to one transaction per group commit. */
  end(): void {
    this.commit();
  }

  private commit(): void {
    this.appendsSinceCommit = 0;
    if (!this.db.inTransaction) return;
    this.db.exec('COMMIT');
    this.onCommitted();
  }
}
