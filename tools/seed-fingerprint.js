// What a seeded history holds, independent of when it was written: event counts by type and one
// SHA-256 over every event in global order (position, id, stream, revision, type, version, data,
// occurredAt, actor, correlation and causation; not recordedAt nor the hashes, which carry the
// time of writing). Two seeds of the same size and code must print the same fingerprint: a check
// that a faster seeder writes the same history. An event written without an idempotency key (an
// organisation named by its first team's registration) gets a UUIDv7, minted from the clock when it is
// written: such ids are counted, not hashed, as the time of writing is not part of the history.
// Usage: node tools/seed-fingerprint.js <data dir>
const Database = require('better-sqlite3');
const { createHash } = require('node:crypto');
const { join } = require('node:path');

const db = new Database(join(process.argv[2] ?? './data', 'events.sqlite'), { readonly: true });
const hash = createHash('sha256');
const types = {};
let timeOrderedIds = 0;
/** A UUIDv7 (version nibble 7, https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-7): minted at write time. */
const isTimeOrdered = (id) => id[14] === '7';
const columns = 'global_position, event_id, stream_id, stream_revision, type, schema_version, data, occurred_at, actor, correlation_id, causation_id';
for (const row of db.prepare(`SELECT ${columns} FROM events ORDER BY global_position`).iterate()) {
  types[row.type] = (types[row.type] ?? 0) + 1;
  if (isTimeOrdered(row.event_id)) {
    timeOrderedIds += 1;
    row.event_id = 'uuidv7';
  }
  hash.update(JSON.stringify(Object.values(row)));
  hash.update('\n');
}
db.close();
const sorted = Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b)));
process.stdout.write(`${JSON.stringify({ events: Object.values(types).reduce((a, b) => a + b, 0), sha256: hash.digest('hex'), timeOrderedIds, types: sorted }, null, 1)}\n`);
