import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite/open-database';

/** Every view document in one table, keyed by collection and id; checkpoints beside them. */
const VIEWS_SCHEMA = `
CREATE TABLE IF NOT EXISTS views (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (collection, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  projection TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;
`;

export interface ViewStatements {
  readonly get: Statement<[string, string], { document: string }>;
  readonly put: Statement<[string, string, string], void>;
  readonly delete: Statement<[string, string], void>;
  readonly dropCollection: Statement<[string], void>;
  readonly checkpoint: Statement<[string], { position: number }>;
  readonly setCheckpoint: Statement<[string, number], void>;
  readonly dropCheckpoint: Statement<[string], void>;
}

export function prepareViewStatements(db: SqliteDatabase): ViewStatements {
  db.exec(VIEWS_SCHEMA);
  return {
    get: db.prepare('SELECT document FROM views WHERE collection = ? AND id = ?'),
    put: db.prepare(
      `INSERT INTO views (collection, id, document) VALUES (?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET document = excluded.document`,
    ),
    delete: db.prepare('DELETE FROM views WHERE collection = ? AND id = ?'),
    dropCollection: db.prepare('DELETE FROM views WHERE collection = ?'),
    checkpoint: db.prepare('SELECT position FROM checkpoints WHERE projection = ?'),
    setCheckpoint: db.prepare(
      `INSERT INTO checkpoints (projection, position) VALUES (?, ?)
       ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
    ),
    dropCheckpoint: db.prepare('DELETE FROM checkpoints WHERE projection = ?'),
  };
}
