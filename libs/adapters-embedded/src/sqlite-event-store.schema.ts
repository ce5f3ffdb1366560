import type { Actor, EventEnvelope, SealedEvent } from '@spiral/event-catalogue';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite/open-database';
import { storedLinksSql, type StoredLinkRow } from './sqlite-stored-text';

/**
 * One row per event. AUTOINCREMENT keeps global positions strictly increasing and never reused;
 * the unique constraints are the last line of defence for idempotency and optimistic concurrency.
 */
const EVENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL UNIQUE,
  stream_id TEXT NOT NULL,
  stream_revision INTEGER NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  correlation_id TEXT NOT NULL,
  causation_id TEXT NOT NULL,
  previous_hash TEXT,
  hash TEXT NOT NULL,
  UNIQUE (stream_id, stream_revision)
);
CREATE INDEX IF NOT EXISTS events_by_correlation_id ON events (correlation_id);
`;

export interface EventRow {
  global_position: number;
  event_id: string;
  stream_id: string;
  stream_revision: number;
  type: string;
  schema_version: number;
  data: string;
  occurred_at: string;
  recorded_at: string;
  actor: string;
  correlation_id: string;
  causation_id: string;
  previous_hash: string | null;
  hash: string;
}

export type NewEventRow = Omit<EventRow, 'global_position'>;

export interface EventStatements {
  readonly insert: Statement<[NewEventRow], void>;
  readonly byEventId: Statement<[string], EventRow>;
  readonly streamHead: Statement<[string], Pick<EventRow, 'stream_revision' | 'hash'>>;
  readonly stream: Statement<[string], EventRow>;
  readonly streamAfter: Statement<[string, number], EventRow>;
  /** after (exclusive), upTo (inclusive), limit. */
  readonly page: Statement<[number, number, number], EventRow>;
  /** after (exclusive), limit: the chain's fields and the text the hash covers (sqlite-stored-text). */
  readonly storedLinks: Statement<[number, number], StoredLinkRow>;
  /** after (exclusive), upTo (inclusive), the types as a JSON array, limit. */
  readonly typedPage: Statement<[number, number, string, number], EventRow>;
  readonly head: Statement<[], { head: number }>;
}

export function prepareEventStatements(db: SqliteDatabase): EventStatements {
  db.exec(EVENTS_SCHEMA);
  return {
    insert: db.prepare(
      `INSERT INTO events (event_id, stream_id, stream_revision, type, schema_version, data, occurred_at,
         recorded_at, actor, correlation_id, causation_id, previous_hash, hash)
       VALUES (@event_id, @stream_id, @stream_revision, @type, @schema_version, @data, @occurred_at,
         @recorded_at, @actor, @correlation_id, @causation_id, @previous_hash, @hash)`,
    ),
    byEventId: db.prepare('SELECT * FROM events WHERE event_id = ?'),
    streamHead: db.prepare(
      'SELECT stream_revision, hash FROM events WHERE stream_id = ? ORDER BY stream_revision DESC LIMIT 1',
    ),
    stream: db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY stream_revision'),
    streamAfter: db.prepare('SELECT * FROM events WHERE stream_id = ? AND stream_revision > ? ORDER BY stream_revision'),
    page: db.prepare(
      'SELECT * FROM events WHERE global_position > ? AND global_position <= ? ORDER BY global_position LIMIT ?',
    ),
    storedLinks: db.prepare<[number, number], StoredLinkRow>(storedLinksSql()).raw(true),
    typedPage: db.prepare(
      `SELECT * FROM events WHERE global_position > ? AND global_position <= ? AND type IN (SELECT value FROM json_each(?))
       ORDER BY global_position LIMIT ?`,
    ),
    head: db.prepare('SELECT COALESCE(MAX(global_position), 0) AS head FROM events'),
  };
}

export function rowToEnvelope(row: EventRow): EventEnvelope {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as object,
    occurredAt: row.occurred_at,
    actor: JSON.parse(row.actor) as Actor,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    streamId: row.stream_id,
    streamRevision: row.stream_revision,
    globalPosition: row.global_position,
    recordedAt: row.recorded_at,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** The row of a sealed event, writing the JSON text its hash was computed from (no second stringify). */
export function sealedToRow({ event, dataJson, actorJson }: SealedEvent): NewEventRow {
  return {
    event_id: event.eventId,
    stream_id: event.streamId,
    stream_revision: event.streamRevision,
    type: event.type,
    schema_version: event.schemaVersion,
    data: dataJson,
    occurred_at: event.occurredAt,
    recorded_at: event.recordedAt,
    actor: actorJson,
    correlation_id: event.correlationId,
    causation_id: event.causationId,
    previous_hash: event.previousHash,
    hash: event.hash,
  };
}
