import { SqliteViewStore, type SqliteEventStore } from '@spiral/adapters-embedded';
import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { describeWithEngine, kafkaBrokers } from '@spiral/adapters-kafka/testing';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import { ALL_PROJECTIONS } from '@spiral/distributed-system';
import { projectionKey } from '@spiral/projections';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { ViewStore } from '@spiral/ports';
import { join } from 'node:path';
import { freshReplay, killRepeatedly, median, mismatchedProjections, seededRandom, type CrashFigures } from './support/crash-loop';
import { reportFigures, type Cell } from './support/figures';
import { KafkaWorld, MONGO_ADDRESS, MONGO_URL } from './support/kafka-groups';
import { profile, sized, setting } from './support/profile';
import { isCaughtUp, ProjectorProcess } from './support/projector-process';
import { removeStoredHistory, storeSyntheticHistory } from './support/synthetic-history';

// Issue #6, suite 1: kill -9 the projector inside batches, restart it, and compare its views with a
// fresh full replay by content hash.
const EVENTS = setting('RELIABILITY_CRASH_EVENTS', sized(3_000, 50_000));
const KILLS = setting('RELIABILITY_CRASH_KILLS', sized(3, 20));
const BATCH = 200;
const SEED = setting('RELIABILITY_SEED', 6);
const TIMEOUT_MS = sized(5, 30) * 60_000;
const groups = ALL_PROJECTIONS.map(projectionKey);
const rows: Cell[][] = [];

afterAll(() => {
  if (rows.length === 0) return;
  reportFigures({
    suite: 1,
    title: 'Projector crash',
    proves:
      'A projector killed with SIGKILL at random points inside its batches, and restarted each time, ends with views equal to a fresh full replay of the same history (every projection of every level, compared by a SHA-256 over their canonical JSON): each batch commits its views with its checkpoint, so nothing is lost or counted twice.',
    command: 'npm run test:reliability -- projector-crash',
    columns: ['engines', 'events', 'kills (inside a batch)', 'events reprocessed', 'recovery s (median / max)', 'mismatched projections'],
    rows,
  });
});

/**
 * Events handed to batches between kills at most: on average half a kill's share of the stream's
 * deliveries (every event once per projection), so all the kills land before the projector is
 * current, with room for what each kill makes it read again.
 */
const spreadEvents = () => Math.floor((EVENTS * ALL_PROJECTIONS.length) / KILLS);

function rowOf(engines: string, head: number, figures: CrashFigures, delivered: number, mismatched: readonly string[]): Cell[] {
  const reprocessed = delivered - head * ALL_PROJECTIONS.length;
  const recovery = `${median(figures.recoverySeconds).toFixed(1)} / ${Math.max(...figures.recoverySeconds).toFixed(1)}`;
  return [engines, head, `${figures.kills} (${figures.killsInsideBatch})`, reprocessed, recovery, mismatched.length === 0 ? 0 : `${mismatched.length}: ${mismatched.join(', ')}`];
}

describe('1. projector crash', () => {
  let dir: string;
  let store: SqliteEventStore;
  let history: EventEnvelope[];
  beforeAll(async () => void ({ dir, store, history } = await storeSyntheticHistory('spiral-projector-crash-', EVENTS)), TIMEOUT_MS);
  afterAll(() => removeStoredHistory(dir, store));

  async function compare(crashed: ViewStore): Promise<string[]> {
    const fresh = await freshReplay(store);
    try {
      return await mismatchedProjections(crashed, fresh);
    } finally {
      await fresh.close();
    }
  }

  it('embedded (in-process feed, SQLite views): the views after the kills equal a fresh replay', async () => {
    const viewsDir = join(dir, 'views');
    const projector = new ProjectorProcess({ eventsDir: join(dir, 'events'), views: { kind: 'sqlite', dir: viewsDir }, feed: { kind: 'in-process' }, maxBatchSize: BATCH });
    const figures = await killRepeatedly(projector, KILLS, spreadEvents(), seededRandom(SEED), TIMEOUT_MS);
    await projector.until(isCaughtUp, TIMEOUT_MS);
    await projector.kill9();
    const crashed = await SqliteViewStore.open(viewsDir);
    const mismatched = await compare(crashed).finally(() => crashed.close());
    rows.push(rowOf('embedded: in-process feed, SQLite', history.length, figures, projector.eventsDelivered, mismatched));
    expect(figures.kills).toBe(KILLS);
    expect(mismatched).toEqual([]);
  }, TIMEOUT_MS);

  // After a kill -9, Kafka gives the dead member's partitions away only when its session times out
  // (10 s, KafkaFeedConsumer), so each restart costs up to that: full runs only, CI keeps to the
  // embedded runner.
  (profile === 'full' ? describe : describe.skip)('on Kafka, full runs only', () => {
    describeWithEngine('on Kafka', { name: 'Kafka', variable: 'KAFKA_BROKERS', address: kafkaBrokers()[0] ?? '' }, () => {
      describeWithEngine('and the MongoDB-wire server', { name: 'MongoDB', variable: 'MONGO_URL', address: MONGO_ADDRESS }, () => {
        let world: KafkaWorld;
        beforeAll(async () => {
          world = await KafkaWorld.open(kafkaBrokers());
          const feed = await KafkaEventFeed.connect({ brokers: world.brokers, topicPrefix: world.topicPrefix, clientId: 'spiral-reliability-relay' });
          for (let start = 0; start < history.length; start += 500) await feed.publish(history.slice(start, start + 500));
          await feed.close();
        }, TIMEOUT_MS);
        afterAll(() => world?.close(), 60_000);

        it('Kafka feed, FerretDB views: the views after the kills equal a fresh replay', async () => {
          const config = { eventsDir: join(dir, 'events'), views: { kind: 'mongo', url: MONGO_URL, database: world.database }, feed: { kind: 'kafka', brokers: world.brokers, topicPrefix: world.topicPrefix }, maxBatchSize: BATCH } as const;
          const projector = new ProjectorProcess(config);
          const figures = await killRepeatedly(projector, KILLS, spreadEvents(), seededRandom(SEED), TIMEOUT_MS);
          await world.drained(groups, TIMEOUT_MS);
          await projector.kill9();
          const crashed = await MongoViewStore.connect({ url: MONGO_URL, database: world.database });
          const mismatched = await compare(crashed).finally(() => crashed.close());
          rows.push(rowOf('Kafka feed, FerretDB', history.length, figures, projector.eventsDelivered, mismatched));
          expect(mismatched).toEqual([]);
        }, TIMEOUT_MS);
      });
    });
  });
});
