import { HASHED_MEMBERS, type StoredChainLink } from '@spiral/event-catalogue';

/** The column of each hashed member. */
const COLUMNS: Readonly<Record<(typeof HASHED_MEMBERS)[number][0], string>> = {
  actor: 'actor',
  causationId: 'causation_id',
  correlationId: 'correlation_id',
  data: 'data',
  eventId: 'event_id',
  occurredAt: 'occurred_at',
  previousHash: 'previous_hash',
  recordedAt: 'recorded_at',
  schemaVersion: 'schema_version',
  streamId: 'stream_id',
  streamRevision: 'stream_revision',
  type: 'type',
};

/** The chain's fields, then the hashed text: what verify needs of an event whose text matches its hash. */
export type StoredLinkRow = [number, string, number, string | null, string, string];

/**
 * A page of events' chain fields with, last, the text their hash covers, assembled by SQLite's printf from the
 * stored columns in HASHED_MEMBERS' order and forms (strings quoted without escaping). Events are
 * stored with their canonical data and actor text, so for them this is the text hashed, and verify
 * hashes one string per event and builds none (measured: a third of parsing and building it in
 * JavaScript). Where it is not (rows stored before, a string needing escapes, an alteration), the
 * hash says so and verify reads those events as stored, parsed, as before.
 */
export function storedLinksSql(): string {
  const format = HASHED_MEMBERS.map(([name, form]) => `"${name}":${form === 'string' ? '"%s"' : form === 'number' ? '%d' : '%s'}`).join(',');
  const values = HASHED_MEMBERS.map(([name, form]) => (form === 'string-or-null' ? `COALESCE('"' || ${COLUMNS[name]} || '"', 'null')` : COLUMNS[name]));
  return `SELECT global_position, stream_id, stream_revision, previous_hash, hash, printf('{${format}}', ${values.join(', ')}) AS hashed_text FROM events
    WHERE global_position > ? ORDER BY global_position LIMIT ?`;
}

export function rowToStoredLink([globalPosition, streamId, streamRevision, previousHash, hash, hashedText]: StoredLinkRow): StoredChainLink {
  return { globalPosition, streamId, streamRevision, previousHash, hash, hashedText };
}
