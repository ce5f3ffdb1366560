import { SqliteEventStore } from '@spiral/adapters-embedded';
import type { EventEnvelope } from '@spiral/event-catalogue';
import {
  eventFeedContract, pendingEvent, pendingEvents, rejectionOf, uniqueName, uniqueStreamId, waitFor, type EventFeedHarness,
} from '@spiral/ports/testing';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaEventFeed, type KafkaEventFeedOptions } from './kafka-event-feed';
import { describeWithEngine, kafkaBrokers } from './testing';

const brokers = kafkaBrokers();
const quiet = { warn: () => undefined };
// Group joins and rebalances take a broker seconds, not the in-process feed's milliseconds.
const deliveryTimeoutMs = 30_000;

/** A feed on topics of its own (a unique prefix), so tests and runs never see each other's events. */
async function openFeed(options: Partial<KafkaEventFeedOptions> = {}): Promise<EventFeedHarness & { feed: KafkaEventFeed }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-kafka-'));
  const store = await SqliteEventStore.open(dataDir);
  const topicPrefix = uniqueName('contract');
  const feed = await KafkaEventFeed.connect({ brokers, topicPrefix, retryDelayMs: 50, logger: quiet, ...options });
  return {
    store,
    feed,
    cleanup: async () => {
      await feed.close();
      await deleteTopics(`${topicPrefix}.`);
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING });

async function deleteTopics(prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** Every message of a topic, read with a throw-away group. */
async function readTopic(topic: string, count: number): Promise<KafkaMessage[]> {
  // A short fetch wait: with the default 5 s, a fetch that raced the topic's creation holds the test.
  const consumer = kafka.consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 100 });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: ({ message }) => Promise.resolve(void messages.push(message)) });
    await waitFor(`${count} message(s) on ${topic}`, () => messages.length >= count, deliveryTimeoutMs);
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

const header = (message: KafkaMessage | undefined, name: string) => message?.headers?.[name]?.toString();

describeWithEngine('KafkaEventFeed', { name: 'Kafka', variable: 'KAFKA_BROKERS', address: brokers[0] ?? '' }, () => {
  eventFeedContract('KafkaEventFeed', () => openFeed(), { ordering: 'per-stream', deliveryTimeoutMs });
  // One topic of one partition: the relay's publish order, which is the store's, reaches every group.
  eventFeedContract('KafkaEventFeed, single topic', () => openFeed({ topicLayout: 'single' }), { ordering: 'global', deliveryTimeoutMs });

  describe('on Kafka', () => {
    let harness: Awaited<ReturnType<typeof openFeed>>;
    afterEach(() => harness.cleanup());

    it('keys messages by stream on the context topic, with the envelope in headers and value', async () => {
      harness = await openFeed();
      const { events } = await harness.store.append(uniqueStreamId('team'), pendingEvents(2), 'no_stream');
      await harness.feed.publish(events);
      const [first] = await readTopic(harness.feed.topics.ofContext('local'), 2);
      const event = events[0] as EventEnvelope;
      expect(first?.key?.toString()).toBe(event.streamId);
      expect(JSON.parse(first?.value?.toString() ?? 'null')).toEqual(event);
      expect(Object.keys(first?.headers ?? {}).sort()).toEqual(['eventId', 'type']);
      expect(header(first, 'type')).toBe(event.type);
      expect(header(first, 'eventId')).toBe(event.eventId);
    });

    it('publishes a batch larger than the broker takes in one record batch, every event once and in order', async () => {
      // Some 1.8 MB for one partition: as one request the broker refuses it (MESSAGE_TOO_LARGE) however often it is sent.
      harness = await openFeed({ topicLayout: 'single' });
      const streamId = uniqueStreamId();
      const { events } = await harness.store.append(streamId, pendingEvents(3_000, { data: { note: 'x'.repeat(400) } }), 'no_stream');
      await harness.feed.publish(events);
      const read = await readTopic(harness.feed.topics.all()[0] ?? '', events.length);
      expect(read.map((message) => header(message, 'eventId'))).toEqual(events.map((event) => event.eventId));
    });

    it('parks an event its handler keeps failing on, with the error, and delivers the rest', async () => {
      harness = await openFeed({ maxAttempts: 2 });
      const streamId = uniqueStreamId();
      const { events } = await harness.store.append(streamId, pendingEvents(5), 'no_stream');
      const poison = events[2]?.eventId;
      const handled: string[] = [];
      const handle = (batch: readonly EventEnvelope[]) => {
        if (batch.some((event) => event.eventId === poison)) return Promise.reject(new Error('cannot project this one'));
        handled.push(...batch.map((event) => event.eventId));
        return Promise.resolve();
      };
      await harness.feed.publish(events);
      const subscription = await harness.feed.consume({ group: uniqueName('group'), after: 0, handle, maxBatchSize: 5 });
      await waitFor('4 events handled', () => handled.length >= 4, deliveryTimeoutMs);
      await subscription.stop();
      expect(handled).toEqual(events.filter((event) => event.eventId !== poison).map((event) => event.eventId));
      const [parked] = await readTopic(harness.feed.topics.deadLetterOf(harness.feed.topics.ofContext('local')), 1);
      expect(header(parked, 'eventId')).toBe(poison);
      expect(header(parked, 'dlq.error')).toBe('cannot project this one');
      expect(header(parked, 'dlq.attempts')).toBe('2');
    });

    it('resumes a group after its committed offsets, not from the start', async () => {
      harness = await openFeed();
      const streamId = uniqueStreamId();
      const group = uniqueName('group');
      const seen: EventEnvelope[] = [];
      const handle = (batch: readonly EventEnvelope[]) => Promise.resolve(void seen.push(...batch));
      const { events: early } = await harness.store.append(streamId, pendingEvents(3), 'no_stream');
      await harness.feed.publish(early);
      const first = await harness.feed.consume({ group, after: 0, handle });
      await waitFor('3 events', () => seen.length >= 3, deliveryTimeoutMs);
      await first.stop();
      const { events: late } = await harness.store.append(streamId, pendingEvents(2), 2);
      await harness.feed.publish(late);
      seen.length = 0;
      const second = await harness.feed.consume({ group, after: 0, handle });
      await waitFor('2 more events', () => seen.length >= 2, deliveryTimeoutMs);
      await second.stop();
      expect(seen.map((event) => event.eventId)).toEqual(late.map((event) => event.eventId));
    });

    it('refuses an event whose type is not in the catalogue, and reports a closed feed unhealthy', async () => {
      harness = await openFeed();
      const { events } = await harness.store.append(uniqueStreamId(), [pendingEvent({ type: 'NoSuchEvent' })], 'no_stream');
      expect(String(await rejectionOf(harness.feed.publish(events)))).toMatch(/not in the event catalogue/);
      expect((await harness.feed.health()).ok).toBe(true);
      await harness.feed.close();
      expect((await harness.feed.health()).ok).toBe(false);
    });
  });
});
