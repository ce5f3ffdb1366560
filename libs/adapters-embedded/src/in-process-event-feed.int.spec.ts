import type { EventEnvelope } from '@spiral/event-catalogue';
import { eventFeedContract, pendingEvents, waitFor, type EventFeedHarness } from '@spiral/ports/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessEventFeed } from './in-process-event-feed';
import { SqliteEventStore } from './sqlite-event-store';

const quiet = { warn: () => undefined };

async function openInTempDir(): Promise<EventFeedHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-feed-'));
  const store = await SqliteEventStore.open(dataDir);
  const feed = new InProcessEventFeed(store, { retryDelayMs: 20, logger: quiet });
  return {
    store,
    feed,
    cleanup: async () => {
      await feed.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

eventFeedContract('InProcessEventFeed', openInTempDir, { ordering: 'global' });

describe('InProcessEventFeed', () => {
  let harness: EventFeedHarness;
  beforeEach(async () => {
    harness = await openInTempDir();
  });
  afterEach(() => harness.cleanup());

  it('redelivers exactly the failed batch, without publish, and refuses a second consumer of a group', async () => {
    const attempts: string[][] = [];
    let failures = 0;
    const handle = (batch: readonly EventEnvelope[]) => {
      attempts.push(batch.map((event) => event.eventId));
      return failures++ < 2 ? Promise.reject(new Error('not yet')) : Promise.resolve();
    };
    await harness.store.append('team-1', pendingEvents(3), 'no_stream');
    const subscription = await harness.feed.consume({ group: 'local', after: 0, handle, maxBatchSize: 10 });
    await waitFor('three attempts', () => attempts.length >= 3);
    expect(attempts[1]).toEqual(attempts[0]);
    expect(attempts[2]).toEqual(attempts[0]);
    await expect(harness.feed.consume({ group: 'local', after: 0, handle })).rejects.toThrow(/already/);
    await subscription.stop();
  });

  it('catches up a long history in bounded batches', async () => {
    for (let i = 0; i < 20; i++) await harness.store.append(`team-${i}`, pendingEvents(100), 'no_stream');
    const sizes: number[] = [];
    let last = 0;
    const handle = (batch: readonly EventEnvelope[]) => {
      for (const event of batch) expect(event.globalPosition).toBeGreaterThan(last);
      last = batch[batch.length - 1]?.globalPosition ?? last;
      sizes.push(batch.length);
      return Promise.resolve();
    };
    const subscription = await harness.feed.consume({ group: 'national', after: 0, handle, maxBatchSize: 64 });
    await waitFor('2000 events', () => last >= 2000);
    await subscription.stop();
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(2000);
  });
});
