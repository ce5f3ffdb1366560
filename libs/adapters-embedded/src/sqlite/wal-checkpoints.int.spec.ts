import { pendingEvent, uniqueStreamId } from '@spiral/ports/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite-event-store';
import { SqliteWalCheckpoints, WAL_CHECKPOINT_SAFETY_PAGES } from './wal-checkpoints';

/** Appends events of about one 4 KiB page each, many at once (so they share commits), until about `pages` WAL pages are written. */
async function appendPages(store: SqliteEventStore, pages: number): Promise<number> {
  const events = Math.ceil(pages / 1.5);
  const text = 'x'.repeat(3_000);
  for (let from = 0; from < events; from += 200) {
    await Promise.all(Array.from({ length: Math.min(200, events - from) }, (_, index) => store.append(uniqueStreamId('wal'), [pendingEvent({ data: { index: from + index, text } })], 'no_stream')));
  }
  return events;
}

async function countAll(store: SqliteEventStore): Promise<number> {
  let count = 0;
  for await (const _ of store.readAll({ upTo: Number.MAX_SAFE_INTEGER })) count += 1;
  return count;
}

describe('SqliteWalCheckpoints: the WAL checkpointed by another connection than the writer', () => {
  let dataDir: string;
  let store: SqliteEventStore | undefined;
  let checkpoints: SqliteWalCheckpoints | undefined;

  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'spiral-wal-checkpoints-'))));

  afterEach(async () => {
    checkpoints?.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a writer left to SQLite's default checkpoints its WAL itself every 1,000 pages", async () => {
    store = await SqliteEventStore.open(dataDir);
    await appendPages(store, 3_000);
    checkpoints = SqliteWalCheckpoints.open(store.file);
    expect(checkpoints.checkpoint().walFrames).toBeLessThan(1_200);
  });

  it('a writer checkpointed elsewhere leaves its WAL to the checkpoints, which copy all of it, nothing lost', async () => {
    store = await SqliteEventStore.open(dataDir, { checkpointedElsewhere: true });
    const appended = await appendPages(store, 3_000);
    checkpoints = SqliteWalCheckpoints.open(store.file);
    const { walFrames, checkpointed } = checkpoints.checkpoint();
    expect(walFrames).toBeGreaterThan(2_000);
    expect(checkpointed).toBe(walFrames);
    expect(await countAll(store)).toBe(appended);
  });

  it('a writer checkpointed elsewhere still bounds its WAL when nobody checkpoints it', async () => {
    store = await SqliteEventStore.open(dataDir, { checkpointedElsewhere: true });
    await appendPages(store, WAL_CHECKPOINT_SAFETY_PAGES * 1.5);
    checkpoints = SqliteWalCheckpoints.open(store.file);
    expect(checkpoints.checkpoint().walFrames).toBeLessThan(WAL_CHECKPOINT_SAFETY_PAGES * 1.25);
  });
});
