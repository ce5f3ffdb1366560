import { SqliteEventStore } from '@spiral/adapters-embedded';
import type { PendingEvent } from '@spiral/event-catalogue';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidV7 } from 'uuid';

export interface AppendThroughputRun {
  /** Events/s through SqliteEventStore.append with `appenders` concurrent writers, one event each. */
  readonly appendPerSecond: number;
  /** Events/s of plain better-sqlite3 inserting the same rows in 1,000-row transactions. */
  readonly rawPerSecond: number;
  readonly ratio: number;
  /**
   * The same raw inserts in transactions of `appenders` rows: one commit (one fsync) per that many
   * rows, the most a group can hold when each appender waits for its own append. The append path's
   * ceiling at this concurrency, so `ratioAtGroupSize` is what the path itself costs.
   */
  readonly rawAtGroupSizePerSecond: number;
  readonly ratioAtGroupSize: number;
}

const RAW_TRANSACTION_ROWS = 1_000;
const actor = { id: 'bench-user', role: 'local', org: 'B01-O01', region: 'B01' } as const;

/** A measurement, the commonest event of a real history, with a payload of realistic size. */
function measurement(streamIndex: number, revision: number): PendingEvent {
  const eventId = uuidV7();
  return {
    eventId,
    type: 'MeasurementRecorded',
    schemaVersion: 1,
    data: { spiralId: `spiral-${streamIndex}`, period: `2005-${String((revision % 12) + 1).padStart(2, '0')}-01`, value: 60 + (revision % 17), note: null },
    occurredAt: '2005-06-01T12:00:00.000Z',
    actor,
    correlationId: eventId,
    causationId: eventId,
  };
}

/**
 * The event store's append path alone, durable (WAL, synchronous=FULL): `appenders` writers each
 * append one event at a time to a stream of their own, with the expected revision, until `events`
 * are stored. Then the same rows, read back from that file, are inserted by plain better-sqlite3
 * into a fresh file with the same schema and pragmas in 1,000-row transactions: the machine's
 * ceiling for these rows, measured in the same run so the ratio holds on a busy machine.
 */
export async function appendThroughput(events: number, appenders: number): Promise<AppendThroughputRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-bench-append-'));
  try {
    const appendPerSecond = await throughStore(join(dataDir, 'store'), events, appenders);
    const storeFile = join(dataDir, 'store', 'events.sqlite');
    const rawPerSecond = await rawInserts(storeFile, join(dataDir, 'raw'), RAW_TRANSACTION_ROWS);
    const rawAtGroupSizePerSecond = await rawInserts(storeFile, join(dataDir, 'raw-group'), appenders);
    return {
      appendPerSecond,
      rawPerSecond,
      ratio: appendPerSecond / rawPerSecond,
      rawAtGroupSizePerSecond,
      ratioAtGroupSize: appendPerSecond / rawAtGroupSizePerSecond,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function throughStore(dataDir: string, events: number, appenders: number): Promise<number> {
  const store = await SqliteEventStore.open(dataDir);
  let remaining = events;
  const writer = async (index: number): Promise<void> => {
    let revision = -1;
    while (remaining > 0) {
      remaining -= 1;
      const result = await store.append(`bench-${index}`, [measurement(index, revision + 1)], revision < 0 ? 'no_stream' : revision);
      revision = result.revision;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: appenders }, (_, index) => writer(index)));
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return events / seconds;
}

type Row = Record<string, unknown>;

async function rawInserts(sourceFile: string, dataDir: string, rowsPerTransaction: number): Promise<number> {
  const source = new Database(sourceFile, { readonly: true });
  const rows = source.prepare('SELECT * FROM events ORDER BY global_position').all() as Row[];
  source.close();
  // The store creates the schema and sets the pragmas; the raw connection then does only inserts.
  await (await SqliteEventStore.open(dataDir)).close();
  const db = new Database(join(dataDir, 'events.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== 'global_position');
  const insert = db.prepare(`INSERT INTO events (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
  const insertMany = db.transaction((slice: readonly Row[]) => {
    for (const row of slice) insert.run(row);
  });
  const prepared = rows.map((row) => Object.fromEntries(columns.map((column) => [column, row[column]])));
  const started = performance.now();
  for (let from = 0; from < prepared.length; from += rowsPerTransaction) insertMany.immediate(prepared.slice(from, from + rowsPerTransaction));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return rows.length / seconds;
}
