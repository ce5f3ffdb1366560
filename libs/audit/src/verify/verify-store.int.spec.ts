import { SqliteEventStore } from '@spiral/adapters-embedded';
import type { EventStore } from '@spiral/ports';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyStore } from './verify-store';

const actor = { id: 'u1', role: 'local', org: 'S01-O01', region: 'S01' } as const;

/** Appends `count` events of one stream each, payloads with members out of order and text needing escapes. */
async function appendStreams(store: EventStore, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const data = { value: index, spiralId: `s-${index}`, note: index % 7 === 0 ? 'quotes " and \\ and é' : 'plain', nested: { z: 1, a: [2, { y: 3, b: 4 }] } };
    await store.append(`spiral-${index % 5}`, [{ eventId: `e-${index}`, type: 'MeasurementRecorded', schemaVersion: 1, data, occurredAt: '2004-01-01T00:00:00.000Z', actor, correlationId: `c-${index}`, causationId: `c-${index}` }], 'any');
  }
}

describe('verifyStore on SQLite (the engine assembles each hashed text)', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let db: Database.Database;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'spiral-verify-int-'));
    store = await SqliteEventStore.open(dataDir);
    await appendStreams(store, 60);
    db = new Database(join(dataDir, 'events.sqlite'));
  });
  afterEach(async () => {
    db.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes a store whose rows hold the canonical text, and one whose older rows hold JSON in another order', async () => {
    expect(await verifyStore(store, { pageSize: 7 })).toMatchObject({ ok: true, events: 60, streams: 5 });
    // Rows written before canonical text was stored: the same JSON, members in the order they were sent.
    const older = db.prepare('SELECT global_position AS position, data, actor FROM events WHERE global_position <= 30').all() as { position: number; data: string; actor: string }[];
    const reversed = (text: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text) as object).reverse()));
    for (const row of older) db.prepare('UPDATE events SET data = ?, actor = ? WHERE global_position = ?').run(reversed(row.data), reversed(row.actor), row.position);
    expect(await verifyStore(store, { pageSize: 7 })).toMatchObject({ ok: true, events: 60, breaks: [] });
  });

  it('reports each altered event, in rows of either kind, and nothing else', async () => {
    db.prepare(`UPDATE events SET data = json_set(data, '$.value', 999) WHERE global_position IN (3, 41)`).run();
    db.prepare(`UPDATE events SET data = json_set(data, '$.note', 'reworded') WHERE global_position = 20`).run();
    const report = await verifyStore(store, { pageSize: 7 });
    const altered = report.breaks.filter((found) => found.reason === 'altered').map((found) => `${found.streamId}@${found.revision}`);
    // Global position p is stream spiral-((p-1) % 5), revision floor((p-1) / 5).
    expect(altered).toEqual(['spiral-0@8', 'spiral-2@0', 'spiral-4@3']);
    expect(report.ok).toBe(false);
  });
});
