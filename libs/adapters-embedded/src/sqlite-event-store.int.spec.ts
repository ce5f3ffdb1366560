import { eventStoreContract, pendingEvent, pendingEvents, type EventStoreHarness } from '@spiral/ports/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { Subject } from 'rxjs';
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
  it('reads streams through its bulk-import cache as stored, past what it holds, within its bound', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-events-'));
    const store = await SqliteEventStore.open(dataDir);
    const other = await SqliteEventStore.open(dataDir);
    try {
      await store.append('team-1', [pendingEvent(), pendingEvent()], 'no_stream');
      await store.append('team-2', [pendingEvent()], 'no_stream');
      const uncached = await store.readStream('team-1');
      const cache = store.cacheStreamsForBulkImport(2);
      expect(await store.readStream('team-1')).toEqual(uncached);
      // Another writer's append is read past what is held; what a caller does to its copy stays its own.
      await other.append('team-1', [pendingEvent()], 1);
      const grown = await store.readStream('team-1');
      expect(grown.map((event) => event.streamRevision)).toEqual([0, 1, 2]);
      grown.pop();
      // Holding team-2 as well goes past two events: team-1, read least recently, is let go, and read whole again.
      expect(await store.readStream('team-2')).toHaveLength(1);
      expect(await store.readStream('team-1')).toEqual(await other.readStream('team-1'));
      cache.finish();
      expect(await store.readStream('team-1')).toEqual(await other.readStream('team-1'));
    } finally {
      await other.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("commits a bulk import's appends together: seen by its own reads at once, by another connection at each outer commit, a refused one rolled back alone", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-events-'));
    let store = await SqliteEventStore.open(dataDir);
    const other = await SqliteEventStore.open(dataDir);
    try {
      const bulk = store.relaxDurabilityForBulkImport(3);
      await store.append('team-1', [pendingEvent()], 'no_stream');
      await store.append('team-2', [pendingEvent(), pendingEvent()], 'no_stream');
      expect(await store.headPosition()).toBe(3);
      expect(await other.headPosition()).toBe(0);
      // The third append is refused (team-1 exists): it stores nothing, and the outer commit follows it.
      await expect(store.append('team-1', [pendingEvent()], 'no_stream')).rejects.toThrow();
      expect((await other.readStream('team-2')).map((event) => event.streamRevision)).toEqual([0, 1]);
      await store.append('team-3', [pendingEvent()], 'no_stream');
      expect(await other.headPosition()).toBe(3);
      await bulk.finish();
      expect(await other.headPosition()).toBe(4);
      // Closed in the middle of a bulk import: what was appended is committed, not rolled back.
      store.relaxDurabilityForBulkImport(3);
      await store.append('team-4', [pendingEvent()], 'no_stream');
      await store.close();
      store = await SqliteEventStore.open(dataDir);
      expect(await store.readStream('team-4')).toHaveLength(1);
    } finally {
      await other.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("delivers another connection's appends to its subscribers when told of them (the live views' worker thread)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-events-'));
    const writer = await SqliteEventStore.open(dataDir);
    const told = new Subject<number>();
    const follower = await SqliteEventStore.open(dataDir, { appendedElsewhere: told });
    const forwarded = writer.commits.subscribe((head) => told.next(head));
    try {
      const seen: string[] = [];
      const subscription = follower.subscribeToAll(0).subscribe((event) => seen.push(event.streamId));
      await writer.append('team-1', [pendingEvent()], 'no_stream');
      await writer.append('team-2', [pendingEvent()], 'no_stream');
      for (let wait = 0; seen.length < 2 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      subscription.unsubscribe();
      expect(seen).toEqual(['team-1', 'team-2']);
    } finally {
      forwarded.unsubscribe();
      await follower.close();
      await writer.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('delivers to its subscribers no further than the durable head it is told, so no view is built on what a power cut could undo', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-events-'));
    const writer = await SqliteEventStore.open(dataDir);
    const told = new Subject<number>();
    const follower = await SqliteEventStore.open(dataDir, { appendedElsewhere: told });
    try {
      const seen: number[] = [];
      const subscription = follower.subscribeToAll(0).subscribe((event) => seen.push(event.globalPosition));
      await writer.append('team-1', pendingEvents(3), 'no_stream');
      told.next(2);
      for (let wait = 0; seen.length < 2 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen).toEqual([1, 2]);
      told.next(3);
      for (let wait = 0; seen.length < 3 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      subscription.unsubscribe();
      expect(seen).toEqual([1, 2, 3]);
    } finally {
      await follower.close();
      await writer.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('gives subscribers at the same position one shared read of each page (the live views thread has one per projection)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-events-'));
    const store = await SqliteEventStore.open(dataDir);
    try {
      await store.append('team-1', pendingEvents(2), 'no_stream');
      const first: EventEnvelope[] = [];
      const second: EventEnvelope[] = [];
      const subscriptions = [first, second].map((seen) => store.subscribeToAll(0).subscribe((event) => seen.push(event)));
      await store.append('team-1', pendingEvents(1), 1);
      for (let wait = 0; (first.length < 3 || second.length < 3) && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      expect(first.map((event) => event.globalPosition)).toEqual([1, 2, 3]);
      first.forEach((event, index) => expect(second[index]).toBe(event));
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

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

  it('commits appends made together as one group, and commits a queued group on close', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-events-'));
    let commits = 0;
    const clock = { now: () => `2006-03-31T23:59:${String(commits++).padStart(2, '0')}.000Z` };
    let store = await SqliteEventStore.open(dataDir, { clock });
    try {
      const grouped = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`team-${i}`, [pendingEvent()], 'no_stream')));
      expect(commits).toBe(1);
      expect(new Set(grouped.map((result) => result.events[0]?.recordedAt))).toEqual(new Set(['2006-03-31T23:59:00.000Z']));
      const queued = store.append('team-late', [pendingEvent()], 'no_stream');
      await store.close();
      expect((await queued).revision).toBe(0);
      store = await SqliteEventStore.open(dataDir);
      expect(await store.headPosition()).toBe(21);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
