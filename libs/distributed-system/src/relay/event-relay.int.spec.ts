import { Logger } from '@nestjs/common';
import { SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EngineHealth, EventFeed, FeedSubscription } from '@spiral/ports';
import { appendFresh, uniqueStreamId, waitFor } from '@spiral/ports/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventRelay } from './event-relay';

/** A feed that records what is published and refuses the first `failures` publishes. */
class RecordingFeed implements EventFeed {
  readonly ordering = 'per-stream' as const;
  readonly published: EventEnvelope[][] = [];
  constructor(private failures = 0) {}
  publish(events: readonly EventEnvelope[]): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new Error('the broker is down'));
    }
    this.published.push([...events]);
    return Promise.resolve();
  }
  consume(): Promise<FeedSubscription> {
    return Promise.reject(new Error('not a consumer'));
  }
  health(): Promise<EngineHealth> {
    return Promise.resolve({ engine: 'recording', ok: true });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
  ids(): string[] {
    return this.published.flat().map((event) => event.eventId);
  }
}

describe('EventRelay (on the embedded engines)', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn']);
  });
  let dataDir: string;
  let store: SqliteEventStore;
  let views: SqliteViewStore;
  const options = { name: 'relay-test', batchSize: 4, idleMs: 50, retryDelayMs: 5 };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'spiral-relay-'));
    store = await SqliteEventStore.open(dataDir);
    views = await SqliteViewStore.open(dataDir);
  });
  afterEach(async () => {
    await views.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes past and live events in order, in batches, checkpointing after each', async () => {
    const stream = uniqueStreamId();
    const past = await appendFresh(store, stream, 6);
    const feed = new RecordingFeed();
    const relay = new EventRelay(store, feed, views, options);
    await relay.start();
    const live = await appendFresh(store, stream, 3);
    await waitFor('9 events published', () => feed.ids().length >= 9);
    await relay.stop();

    expect(feed.ids()).toEqual([...past, ...live].map((event) => event.eventId));
    for (const batch of feed.published) expect(batch.length).toBeLessThanOrEqual(4);
    expect(await views.checkpoint('relay-test')).toBe(live[2]?.globalPosition);
    expect(await relay.status()).toMatchObject({ projection: 'relay-test', eventsBehind: 0, running: false });
  });

  it('reading ahead, still publishes one batch at a time and in order', async () => {
    const stored = await appendFresh(store, uniqueStreamId(), 10);
    const feed = new RecordingFeed();
    let inFlight = 0;
    let mostInFlight = 0;
    const slowFeed: EventFeed = Object.assign(Object.create(feed) as RecordingFeed, {
      publish: async (events: readonly EventEnvelope[]) => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight -= 1;
        return feed.publish(events);
      },
    });
    const relay = new EventRelay(store, slowFeed, views, options);
    await relay.start();
    await waitFor('10 events published', () => feed.ids().length >= 10);
    await relay.stop();
    expect(mostInFlight).toBe(1);
    expect(feed.ids()).toEqual(stored.map((event) => event.eventId));
    expect(feed.published.map((batch) => batch.length)).toEqual([4, 4, 2]);
  });

  it('retries a failed publish until it succeeds, skipping nothing', async () => {
    const stored = await appendFresh(store, uniqueStreamId(), 3);
    const feed = new RecordingFeed(3);
    const relay = new EventRelay(store, feed, views, options);
    await relay.start();
    await waitFor('3 events published', () => feed.ids().length >= 3);
    await relay.stop();
    expect(feed.ids()).toEqual(stored.map((event) => event.eventId));
  });

  it('starts again after its checkpoint', async () => {
    const stream = uniqueStreamId();
    const first = await appendFresh(store, stream, 2);
    const before = new RecordingFeed();
    const relay = new EventRelay(store, before, views, options);
    await relay.start();
    await waitFor('2 events published', () => before.ids().length >= 2);
    await relay.stop();

    const second = await appendFresh(store, stream, 2);
    const after = new RecordingFeed();
    const restarted = new EventRelay(store, after, views, options);
    await restarted.start();
    await waitFor('2 more events published', () => after.ids().length >= 2);
    await restarted.stop();
    expect(before.ids()).toEqual(first.map((event) => event.eventId));
    expect(after.ids()).toEqual(second.map((event) => event.eventId));
  });
});
