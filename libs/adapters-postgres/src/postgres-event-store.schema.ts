import type { Actor, EventEnvelope, SealedEvent } from '@spiral/event-catalogue';

/**
 * One row per event, in a schema of its own (tests use one per run). The global position is a
 * sequence assigned under the append lock (see PostgresGroupCommit), so positions commit in order;
 * a rolled-back append leaves a gap, which readers never wait for. The unique constraints are the
 * last line of defence for idempotency and optimistic concurrency. Payloads are kept as the text
 * their hash was computed from (text: jsonb would reorder keys and rewrite numbers).
 */
export function schemaDdl(schema: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.events (
  global_position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
CREATE INDEX IF NOT EXISTS events_by_type ON ${schema}.events (type, global_position);`;
}

/** The columns an insert fills, in the order of `insertSql`'s unnest arrays. */
const COLUMNS = [
  ['event_id', 'text'],
  ['stream_id', 'text'],
  ['stream_revision', 'int'],
  ['type', 'text'],
  ['schema_version', 'int'],
  ['data', 'text'],
  ['occurred_at', 'text'],
  ['recorded_at', 'text'],
  ['actor', 'text'],
  ['correlation_id', 'text'],
  ['causation_id', 'text'],
  ['previous_hash', 'text'],
  ['hash', 'text'],
] as const;

/** Many rows in one statement: one array per column, unnested in order. */
export function insertSql(schema: string): string {
  const names = COLUMNS.map(([name]) => name).join(', ');
  const arrays = COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  return `INSERT INTO ${schema}.events (${names}) SELECT * FROM unnest(${arrays}) RETURNING global_position, event_id`;
}

/** The arrays `insertSql` takes, from sealed events (writing the JSON text their hashes cover). */
export function insertParameters(sealed: readonly SealedEvent[]): unknown[][] {
  const columns: unknown[][] = COLUMNS.map(() => []);
  for (const { event, dataJson, actorJson } of sealed) {
    const values = [
      event.eventId,
      event.streamId,
      event.streamRevision,
      event.type,
      event.schemaVersion,
      dataJson,
      event.occurredAt,
      event.recordedAt,
      actorJson,
      event.correlationId,
      event.causationId,
      event.previousHash,
      event.hash,
    ];
    values.forEach((value, index) => columns[index]?.push(value));
  }
  return columns;
}

export interface EventRow {
  /** BIGINT arrives as a string from pg, as a number inside json_agg. */
  global_position: string | number;
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
    globalPosition: Number(row.global_position),
    recordedAt: row.recorded_at,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
