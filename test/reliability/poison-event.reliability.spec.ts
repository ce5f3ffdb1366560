import { InProcessEventFeed, SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { describeWithEngine, kafkaBrokers } from '@spiral/adapters-kafka/testing';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import { EventRelay } from '@spiral/distributed-system';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { parkedEventsIn, ProjectionRunner, type Projection } from '@spiral/projections';
import { viewsHash } from '@spiral/projections/testing';
import type { Clock, EventFeed, ViewStore } from '@spiral/ports';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportFigures, type Cell } from './support/figures';
import { KafkaWorld, MONGO_ADDRESS, MONGO_URL } from './support/kafka-groups';
import { setting, sized } from './support/profile';
import { appendHistory, syntheticHistory } from './support/synthetic-history';
import { tallied, tallyProjection } from './support/tally-projection';

// Issue #6, suite 7: a projection that throws on one event parks it and the rest flows on; the lag of
// the other streams stays bounded; once fixed, the parked event is replayed.
const EVENTS = setting('RELIABILITY_POISON_EVENTS', sized(1_000, 10_000));
const LIVE_BATCHES = sized(10, 40);
const TIMEOUT_MS = sized(3, 10) * 60_000;
const clock: Clock = { now: () => new Date().toISOString() };
const rows: Cell[][] = [];

afterAll(() => {
  if (rows.length === 0) return;
  reportFigures({
    suite: 7,
    title: 'Poison event',
    proves:
      'A projection that throws on one event: after 3 failed deliveries (the view store answering, so not an outage) the runner parks the event in a dead-letter collection beside the views, with its error, and the rest of its batch and every later event flow on. Once the projection is fixed, `spiral dead-letters replay` (ProjectionRunner.replayParked) applies the parked event and removes its letter, and the views equal a fresh replay. On Kafka the same parking happens in MongoDB before the feed\'s own dead-letter topic (after 10 deliveries) is needed.',
    command: 'npm run test:reliability -- poison-event',
    columns: ['feed, views', 'events', 'parked', 'other events applied while it failed', 'max lag of other streams s', 'tally after replay', 'matches a fresh replay'],
    rows,
  });
});

interface Stored {
  readonly event: EventEnvelope;
  readonly at: number;
}

/** Appends the live stretch in `batches`, one every `everyMs`, noting when each event was stored. */
async function appendLive(store: SqliteEventStore, live: readonly EventEnvelope[], batches: number, everyMs: number, stored: Stored[]): Promise<void> {
  const size = Math.ceil(live.length / batches);
  for (let start = 0; start < live.length; start += size) {
    const batch = live.slice(start, start + size);
    await appendHistory(store, batch);
    const at = Date.now();
    for (const event of batch) stored.push({ event, at });
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Polls the tally: an event of revision r is applied once its stream's tally exceeds r. Returns,
 * on stop, the longest any event of a stream other than `excludedStream` waited to be applied.
 */
function watchLag(views: ViewStore, tally: Projection, stored: readonly Stored[], excludedStream: string): { stop(): Promise<number> } {
  const appliedAt = new Map<string, number>();
  let running = true;
  const look = async () => {
    const tallies = new Map((await views.find<{ streamId: string; events: number }>(`tallies_v${tally.version}`)).map((t) => [t.streamId, t.events]));
    const now = Date.now();
    for (const { event } of stored) {
      if (!appliedAt.has(event.eventId) && (tallies.get(event.streamId) ?? 0) > event.streamRevision) appliedAt.set(event.eventId, now);
    }
  };
  const loop = (async () => {
    while (running) {
      await look();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await look();
      let worst = 0;
      for (const { event, at } of stored) {
        if (event.streamId !== excludedStream) worst = Math.max(worst, ((appliedAt.get(event.eventId) ?? Date.now()) - at) / 1000);
      }
      return worst;
    },
  };
}

describe('7. poison event', () => {
  let dir: string;
  let history: EventEnvelope[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spiral-poison-'));
    history = syntheticHistory(EVENTS);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function scenario(name: string, store: SqliteEventStore, feed: EventFeed, views: ViewStore): Promise<void> {
    // The poison: a measurement in the middle of the live stretch, of one spiral among many.
    const half = Math.floor(history.length / 2);
    const poison = history.slice(half).find((event) => event.type === 'MeasurementRecorded') as EventEnvelope;
    const broken = tallyProjection('tally', new Set([poison.eventId]));
    await appendHistory(store, history.slice(0, half));
    const runner = new ProjectionRunner(broken, feed, views, store, clock, 200);
    await runner.start();
    const stored: Stored[] = [];
    const lag = watchLag(views, broken, stored, poison.streamId);
    await appendLive(store, history.slice(half), LIVE_BATCHES, 100, stored);
    const deadline = Date.now() + TIMEOUT_MS / 2;
    while ((await tallied(broken, views)) < history.length - 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const maxLag = await lag.stop();
    await runner.stop();
    const parked = await parkedEventsIn(views, broken);
    const appliedMeanwhile = await tallied(broken, views);

    const fixed = new ProjectionRunner(tallyProjection('tally'), feed, views, store, clock);
    const replay = await fixed.replayParked();
    const afterReplay = await tallied(broken, views);
    const fresh = await SqliteViewStore.openFile(':memory:');
    const reference = new ProjectionRunner(tallyProjection('tally'), {} as EventFeed, fresh, store, clock);
    for (let start = 0; start < history.length; start += 500) await reference.apply(history.slice(start, start + 500));
    const same = (await viewsHash([broken], views)) === (await viewsHash([broken], fresh));
    await fresh.close();
    rows.push([name, history.length, parked.length, appliedMeanwhile, maxLag.toFixed(2), `${afterReplay} of ${history.length}`, same ? 'yes' : 'no']);

    expect(parked.map((letter) => [letter.eventId, letter.error])).toEqual([[poison.eventId, expect.stringContaining('cannot take')]]);
    expect(appliedMeanwhile).toBe(history.length - 1);
    expect(replay).toEqual({ replayed: [poison.eventId], stillFailing: [] });
    expect(await parkedEventsIn(views, broken)).toEqual([]);
    expect(afterReplay).toBe(history.length);
    expect(same).toBe(true);
  }

  it('embedded (in-process feed, SQLite views): parked, the rest flows on, replayed after the fix', async () => {
    const store = await SqliteEventStore.open(join(dir, 'embedded'));
    const views = await SqliteViewStore.open(join(dir, 'embedded'));
    const feed = new InProcessEventFeed(store, { logger: { warn: () => undefined } });
    try {
      await scenario('in process, SQLite', store, feed, views);
    } finally {
      await feed.close();
      await views.close();
      await store.close();
    }
  }, TIMEOUT_MS);

  describeWithEngine('on Kafka', { name: 'Kafka', variable: 'KAFKA_BROKERS', address: kafkaBrokers()[0] ?? '' }, () => {
    describeWithEngine('and the MongoDB-wire server', { name: 'MongoDB', variable: 'MONGO_URL', address: MONGO_ADDRESS }, () => {
      it('Kafka feed, FerretDB views: parked in the view store, the rest flows on, replayed after the fix', async () => {
        const world = await KafkaWorld.open(kafkaBrokers());
        const store = await SqliteEventStore.open(join(dir, 'kafka'));
        const views = await MongoViewStore.connect({ url: MONGO_URL, database: world.database });
        const feed = await KafkaEventFeed.connect({ brokers: world.brokers, topicPrefix: world.topicPrefix, clientId: 'spiral-reliability', retryDelayMs: 100, logger: { warn: () => undefined } });
        // The relay's part, as in production: what is stored goes to Kafka, checkpointed.
        const checkpoints = await SqliteViewStore.open(join(dir, 'kafka'));
        const relay = new EventRelay(store, feed, checkpoints, { name: 'relay', batchSize: 200, idleMs: 50 });
        await relay.start();
        try {
          await scenario('Kafka, FerretDB', store, feed, views);
        } finally {
          await relay.stop();
          await checkpoints.close();
          await feed.close();
          await views.close();
          await store.close();
          await world.close();
        }
      }, TIMEOUT_MS);
    });
  });
});
