import { eventStoreContract, pendingEvent, type EventStoreHarness } from '@spiral/ports/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

async function openInTempDir(): Promise<EventStoreHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-events-'));
  let open = await SqliteEventStore.open(dataDir);
  return {
    store: open,
    reopen: async () => {
      await open.close();
      open = await SqliteEventStore.open(dataDir);
      return open;
    },
    cleanup: async () => {
      await open.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

eventStoreContract('SqliteEventStore', openInTempDir);

describe('SqliteEventStore', () => {
  it('stamps recordedAt from its clock and completes subscriptions when closed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-events-'));
    const store = await SqliteEventStore.open(dataDir, { clock: { now: () => '2006-03-31T23:59:59.000Z' } });
    try {
      const { events } = await store.append('team-1', [pendingEvent()], 'no_stream');
      expect(events[0]?.recordedAt).toBe('2006-03-31T23:59:59.000Z');
      let completed = false;
      store.subscribeToAll(0).subscribe({ complete: () => (completed = true) });
      await store.close();
      expect(completed).toBe(true);
      expect((await store.health()).ok).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
