import { SqliteEventStore } from '@spiral/adapters-embedded';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { FeedSubscription } from '@spiral/ports';
import { pendingEvents, uniqueName, uniqueStreamId, waitFor } from '@spiral/ports/testing';
import { Kafka, logLevel } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaEventFeed } from './kafka-event-feed';
import { describeWithEngine, kafkaBrokers } from './testing';

const brokers = kafkaBrokers();
const quiet = { warn: () => undefined };
const TIMEOUT_MS = 60_000;

/** Two projector processes, each consuming the same two groups in the same order, as projectors start their projections. */
describeWithEngine('KafkaGroupSpread', { name: 'Kafka', variable: 'KAFKA_BROKERS', address: brokers[0] ?? '' }, () => {
  const topicPrefix = uniqueName('spread');
  const groups = [uniqueName('projection-a'), uniqueName('projection-b')];
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-spread-'));
  let store: SqliteEventStore;
  let feeds: KafkaEventFeed[] = [];

  beforeAll(async () => {
    await admin.connect();
    store = await SqliteEventStore.open(dataDir);
    feeds = await Promise.all([0, 1].map(() => KafkaEventFeed.connect({ brokers, topicPrefix, logger: quiet, spreadGroups: true })));
  });

  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.close()));
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${topicPrefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Until every group is settled with two members: before that, a group's first member holds all of it. */
  const settled = async () => {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const { groups: described } = await admin.describeGroups(groups);
      if (described.every((group) => group.state === 'Stable' && group.members.length === 2)) return;
      if (Date.now() > deadline) throw new Error(`groups not settled with two members: ${JSON.stringify(described.map(({ state, members }) => ({ state, members: members.length })))}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const publishToManyStreams = async (count: number): Promise<EventEnvelope[]> => {
    const published: EventEnvelope[] = [];
    for (let index = 0; index < count; index += 1) published.push(...(await store.append(uniqueStreamId(), pendingEvents(1), 'no_stream')).events);
    await feeds[0]!.publish(published);
    return published;
  };

  it('gives every partition of a group to one process, the groups to different ones, and a leaving owner\'s group to the other', async () => {
    // seen[feed][group]: the events each process's member of each group was handed.
    const seen = feeds.map(() => groups.map(() => new Set<string>()));
    const subscriptions: FeedSubscription[][] = [];
    for (const [feed, groupsSeen] of feeds.map((feed, index) => [feed, seen[index]!] as const)) {
      const own: FeedSubscription[] = [];
      for (const [index, group] of groups.entries()) {
        own.push(await feed.consume({ group, after: 0, handle: (batch) => Promise.resolve(batch.forEach((event) => groupsSeen[index]!.add(event.eventId))) }));
      }
      subscriptions.push(own);
    }
    await settled();
    const first = await publishToManyStreams(12);
    const delivered = (group: number, events: readonly EventEnvelope[]) => events.every((event) => seen.some((byGroup) => byGroup[group]!.has(event.eventId)));
    await waitFor('every event in both groups', () => delivered(0, first) && delivered(1, first), TIMEOUT_MS);

    const owners = groups.map((_, group) => seen.flatMap((byGroup, feed) => (byGroup[group]!.size > 0 ? [feed] : [])));
    expect(owners[0]).toHaveLength(1);
    expect(owners[1]).toHaveLength(1);
    expect(owners[0]).not.toEqual(owners[1]);

    const leaving = owners[0]![0]!;
    const staying = 1 - leaving;
    await subscriptions[leaving]![0]!.stop();
    const second = await publishToManyStreams(12);
    await waitFor('the second events in group a, by the staying process', () => second.every((event) => seen[staying]![0]!.has(event.eventId)), TIMEOUT_MS);
  }, 180_000);
});
