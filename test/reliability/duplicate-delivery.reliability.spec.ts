import { SqliteViewStore, type SqliteEventStore } from '@spiral/adapters-embedded';
import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { describeWithEngine, kafkaBrokers } from '@spiral/adapters-kafka/testing';
import { ALL_PROJECTIONS } from '@spiral/distributed-system';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { ProjectionRunner, type Projection } from '@spiral/projections';
import type { Clock, EventFeed, FeedConsumerOptions, FeedSubscription } from '@spiral/ports';
import { join } from 'node:path';
import { freshReplay, mismatchedProjections, seededRandom } from './support/crash-loop';
import { reportFigures, type Cell } from './support/figures';
import { KafkaWorld } from './support/kafka-groups';
import { profile, setting, sized } from './support/profile';
import { removeStoredHistory, storeSyntheticHistory } from './support/synthetic-history';
import { tallied, tallyProjection } from './support/tally-projection';

// Issue #6, suite 3: batches delivered again, a feed rewound to the start, Kafka offsets rewound and
// events published twice: events counted twice must be 0 and the views equal a fresh replay.
const EVENTS = setting('RELIABILITY_DUPLICATE_EVENTS', sized(1_500, 20_000));
const BATCH = 200;
const TIMEOUT_MS = sized(4, 20) * 60_000;
// Views whose documents gather many streams: where an order of arrival could show (Kafka orders per stream only).
const MANY_STREAMS = ['local-organisation-view', 'regional-view', 'national-view'];
const clock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };
const rows: Cell[][] = [];

afterAll(() => {
  if (rows.length === 0) return;
  reportFigures({
    suite: 3,
    title: 'Duplicate and rewound delivery',
    proves:
      'Every projection runner skips what it applied already (by checkpoint on the in-process feed, by stream revision on Kafka), so batches delivered again, a feed rewound to the start, consumer-group offsets rewound and events published twice change nothing. A tally projection with no guard of its own counts what the runner lets through; the other views are compared with a fresh replay by content hash.',
    command: 'npm run test:reliability -- duplicate-delivery',
    columns: ['feed', 'events', 'deliveries', 'of which again', 'events counted twice', 'mismatched projections'],
    rows,
  });
});

/** A feed that ignores where the consumer stands and delivers the whole history from the start. */
function rewoundFeed(history: readonly EventEnvelope[]): EventFeed & { delivered: number } {
  const feed = {
    ordering: 'global' as const,
    delivered: 0,
    publish: () => Promise.resolve(),
    health: () => Promise.resolve({ engine: 'rewound', ok: true }),
    close: () => Promise.resolve(),
    async consume(options: FeedConsumerOptions): Promise<FeedSubscription> {
      for (let start = 0; start < history.length; start += BATCH) {
        const batch = history.slice(start, start + BATCH);
        feed.delivered += batch.length;
        await options.handle(batch);
      }
      return { stop: () => Promise.resolve() };
    },
  };
  return feed;
}

describe('3. duplicate and rewound delivery', () => {
  let dir: string;
  let store: SqliteEventStore;
  let history: EventEnvelope[];
  const tally = tallyProjection('tally');
  const projections: readonly Projection[] = [tally, ...ALL_PROJECTIONS];
  beforeAll(async () => void ({ dir, store, history } = await storeSyntheticHistory('spiral-duplicates-', EVENTS)), TIMEOUT_MS);
  afterAll(() => removeStoredHistory(dir, store));

  async function mismatchesWith(views: SqliteViewStore): Promise<string[]> {
    const fresh = await freshReplay(store);
    return mismatchedProjections(views, fresh).finally(() => fresh.close());
  }

  it('in process: batches redelivered at random and the feed rewound to the start count nothing twice', async () => {
    const views = await SqliteViewStore.openFile(':memory:');
    const random = seededRandom(setting('RELIABILITY_SEED', 6));
    const runners = projections.map((projection) => new ProjectionRunner(projection, {} as EventFeed, views, store, clock));
    let deliveries = 0;
    let again = 0;
    for (let start = 0; start < history.length; start += BATCH) {
      const batch = history.slice(start, start + BATCH);
      // Each batch once, then an earlier stretch again (a batch whose commit was not acknowledged).
      const from = Math.floor(random() * (start + batch.length));
      const repeat = history.slice(from, Math.min(from + BATCH, start + batch.length));
      for (const runner of runners) {
        await runner.apply(batch);
        await runner.apply(repeat);
      }
      deliveries += batch.length + repeat.length;
      again += repeat.length;
    }
    // Restarted on a feed that delivers everything from the start whatever the checkpoint says.
    const rewound = rewoundFeed(history);
    for (const projection of projections) await new ProjectionRunner(projection, rewound, views, store, clock).start();
    deliveries += rewound.delivered / projections.length;
    again += rewound.delivered / projections.length;

    const countedTwice = (await tallied(tally, views)) - history.length;
    const mismatched = await mismatchesWith(views);
    await views.close();
    rows.push(['in process (global order)', history.length, deliveries, again, countedTwice, mismatched.length]);
    expect(countedTwice).toBe(0);
    expect(mismatched).toEqual([]);
  }, TIMEOUT_MS);

  describeWithEngine('on Kafka', { name: 'Kafka', variable: 'KAFKA_BROKERS', address: kafkaBrokers()[0] ?? '' }, () => {
    it('Kafka: offsets rewound to the start and to the middle, and events published twice, count nothing twice', async () => {
      const world = await KafkaWorld.open(kafkaBrokers());
      const feed = await KafkaEventFeed.connect({ brokers: world.brokers, topicPrefix: world.topicPrefix, clientId: 'spiral-reliability', retryDelayMs: 50 });
      const views = await SqliteViewStore.open(join(dir, 'kafka-views'));
      try {
        const publish = async (events: readonly EventEnvelope[]) => {
          for (let start = 0; start < events.length; start += 500) await feed.publish(events.slice(start, start + 500));
        };
        // Quick (CI): the tally and the views fed by many streams, since each consumer group's joins cost seconds.
        const onKafka = profile === 'full' ? projections : projections.filter((projection) => projection === tally || MANY_STREAMS.includes(projection.name));
        const runners = onKafka.map((projection) => new ProjectionRunner(projection, feed, views, store, clock, BATCH));
        const groups = runners.map((runner) => runner.key);
        const consumeAll = async () => {
          for (const runner of runners) await runner.start();
          await world.drained(groups, TIMEOUT_MS);
          for (const runner of runners) await runner.stop();
        };
        await publish(history);
        await consumeAll();
        // Published twice (a relay that crashed before its checkpoint), then every group rewound:
        // half to the start of each partition, half to the middle of it.
        const duplicated = history.slice(0, Math.floor(history.length / 2));
        await publish(duplicated);
        for (const [index, groupId] of groups.entries()) {
          for (const topic of world.topics) {
            if (index % 2 === 0) await world.admin.resetOffsets({ groupId, topic, earliest: true });
            else {
              const partitions = await world.admin.fetchTopicOffsets(topic);
              await world.admin.setOffsets({ groupId, topic, partitions: partitions.map(({ partition, high }) => ({ partition, offset: String(Math.floor(Number(high) / 2)) })) });
            }
          }
        }
        await consumeAll();
        const again = duplicated.length + Math.round(((history.length + duplicated.length) * 3) / 4);
        const countedTwice = (await tallied(tally, views)) - history.length;
        const mismatched = (await mismatchesWith(views)).filter((name) => onKafka.some((projection) => projection.name === name));
        rows.push(['Kafka (per stream), offsets rewound', history.length, history.length + again, `about ${again}`, countedTwice, mismatched.length === 0 ? 0 : `${mismatched.length}: ${mismatched.join(', ')}`]);
        expect(countedTwice).toBe(0);
        expect(mismatched).toEqual([]);
      } finally {
        await views.close();
        await feed.close();
        await world.close();
      }
    }, TIMEOUT_MS);
  });
});
