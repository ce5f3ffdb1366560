// What a seeded history holds, independent of when it was written: event counts by type and one
// SHA-256 over every event in global order (position, id, stream, revision, type, version, data,
// occurredAt, actor, correlation and causation; not recordedAt nor the hashes, which carry the
// time of writing). Two seeds of the same size and code must print the same fingerprint: a check
// that a faster seeder writes the same history.  Usage: node tools/seed-fingerprint.js <data dir>
const Database = require('better-sqlite3');
const { createHash } = require('node:crypto');
const { join } = require('node:path');

const db = new Database(join(process.argv[2] ?? './data', 'events.sqlite'), { readonly: true });
const hash = createHash('sha256');
const types = {};
const columns = 'global_position, event_id, stream_id, stream_revision, type, schema_version, data, occurred_at, actor, correlation_id, causation_id';
for (const row of db.prepare(`SELECT ${columns} FROM events ORDER BY global_position`).iterate()) {
  types[row.type] = (types[row.type] ?? 0) + 1;
  hash.update(JSON.stringify(Object.values(row)));
  hash.update('\n');
}
db.close();
const sorted = Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b)));
process.stdout.write(`${JSON.stringify({ events: Object.values(types).reduce((a, b) => a + b, 0), sha256: hash.digest('hex'), types: sorted }, null, 1)}\n`);
