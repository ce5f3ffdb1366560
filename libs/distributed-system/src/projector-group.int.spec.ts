import { SqliteEventStore } from '@spiral/adapters-embedded';
import { describeWithEngine, kafkaBrokers } from '@spiral/adapters-kafka/testing';
import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { collect, pendingEvents, sleep, uniqueName, uniqueStreamId } from '@spiral/ports/testing';
import { systemClock } from '@spiral/ports';
import { ProjectionRunner, storedCollection, type Projection } from '@spiral/projections';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const brokers = kafkaBrokers();
const mongoUrl = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const quiet = { warn: () => undefined };
const STREAMS = 30;
const EVENTS_PER_STREAM = 4;

interface Tally extends Record<string, unknown> {
  readonly count: number;
  readonly byMember: Readonly<Record<string, number>>;
}

/**
 * A view every stream changes: one document counting the events applied, as the regional and
 * national views are fed by many teams' streams. Each member's projection names itself, and
 * yields between its read and its write so that two unguarded members would interleave.
 */
function tallyProjection(name: string, member: string): Projection {
  return {
    name,
    version: 1,
    collections: ['tallies'],
    eventTypes: new Set(['TeamRegistered']),
    async apply(_event, views) {
      const tally = (await views.get<Tally>('tallies', 'all')) ?? { count: 0, byMember: {} };
      await sleep(1);
      views.put('tallies', 'all', { count: tally.count + 1, byMember: { ...tally.byMember, [member]: (tally.byMember[member] ?? 0) + 1 } });
    },
  };
}

describeWithEngine('projectors sharing a consumer group (Kafka, MongoDB wire)', { name: 'Kafka', variable: 'KAFKA_BROKERS', address: brokers[0] ?? '' }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-projector-group-'));
  const [topicPrefix, database, projection] = [uniqueName('group'), uniqueName('spiral_group'), uniqueName('tally')];
  const admin = new Kafka({ brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  const cleanups: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${topicPrefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
    const client = await MongoClient.connect(mongoUrl);
    await client.db(database).dropDatabase();
    await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts every event exactly once while two members split the partitions', async () => {
    await admin.connect();
    const store = await SqliteEventStore.open(dataDir);
    cleanups.push(() => store.close());
    for (let stream = 0; stream < STREAMS; stream += 1) await store.append(uniqueStreamId('team'), pendingEvents(EVENTS_PER_STREAM), 'no_stream');
    const events: EventEnvelope[] = await collect(store.readAll());

    const members = await Promise.all(
      ['a', 'b'].map(async (member) => {
        const feed = await KafkaEventFeed.connect({ brokers, topicPrefix, partitions: 3, retryDelayMs: 50, logger: quiet });
        const views = await MongoViewStore.connect({ url: mongoUrl, database });
        const runner = new ProjectionRunner(tallyProjection(projection, member), feed, views, store, systemClock, 10);
        cleanups.push(async () => {
          await runner.stop();
          await feed.close();
          await views.close();
        });
        return { feed, views, runner };
      }),
    );
    await Promise.all(members.map(({ runner }) => runner.start()));
    // Both members in the group before anything is published, so each is handed partitions.
    const group = `${projection}_v1`;
    for (let tries = 0; ; tries += 1) {
      const [described] = (await admin.describeGroups([group])).groups;
      if (described?.state === 'Stable' && described.members.length === 2) break;
      if (tries > 300) throw new Error(`the group ${group} never had both members: ${JSON.stringify(described?.state)}`);
      await sleep(100);
    }
    await members[0]!.feed.publish(events);

    const reader = members[0]!.views;
    const tally = async () => (await reader.get<Tally>(storedCollection({ version: 1 }, 'tallies'), 'all')) ?? { count: 0, byMember: {} };
    let last: Tally = { count: 0, byMember: {} };
    for (let tries = 0; tries < 600 && last.count < events.length; tries += 1) {
      last = await tally();
      await sleep(100);
    }
    // Redeliveries after the group's rebalance must not count twice either.
    await sleep(1_000);
    last = await tally();
    expect(last.count).toBe(events.length);
    expect(Object.keys(last.byMember).sort()).toEqual(['a', 'b']);
  }, 120_000);
});
