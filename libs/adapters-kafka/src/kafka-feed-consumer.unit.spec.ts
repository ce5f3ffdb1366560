import type { EventEnvelope } from '@spiral/event-catalogue';
import { KafkaJSProtocolError, type Consumer, type ConsumerCrashEvent, type ConsumerRunConfig, type EachBatchPayload, type Kafka } from 'kafkajs';
import type { KafkaDeadLetters } from './kafka-dead-letters';
import { toMessage } from './kafka-envelope-codec';
import { KafkaFeedConsumer } from './kafka-feed-consumer';

const CRASH = 'consumer.crash';
const GROUP_JOIN = 'consumer.group_join';

/** A kafkajs consumer that counts its starts and lets the test raise its crash event, as kafkajs does after giving up. */
function fakeKafka() {
  const listeners: ((event: ConsumerCrashEvent) => void)[] = [];
  const joinListeners: (() => void)[] = [];
  const calls = { connect: 0, subscribe: 0, run: 0, disconnect: 0 };
  let running: ConsumerRunConfig | undefined;
  const consumer = {
    events: { CRASH, GROUP_JOIN },
    on: (name: string, listener: (event: ConsumerCrashEvent) => void) => {
      if (name === CRASH) listeners.push(listener);
      if (name === GROUP_JOIN) joinListeners.push(() => listener({} as ConsumerCrashEvent));
      return () => undefined;
    },
    connect: () => Promise.resolve(void (calls.connect += 1)),
    subscribe: () => Promise.resolve(void (calls.subscribe += 1)),
    run: (config: ConsumerRunConfig) => Promise.resolve(void ((calls.run += 1), (running = config))),
    disconnect: () => Promise.resolve(void (calls.disconnect += 1)),
  };
  const crash = (restart: boolean) => {
    const event = { id: '1', type: CRASH, timestamp: Date.now(), payload: { error: new Error('Failed to find group coordinator'), groupId: 'g', restart } };
    for (const listener of listeners) listener(event);
  };
  const eachBatch = (payload: EachBatchPayload) => running?.eachBatch?.(payload) ?? Promise.resolve();
  const joined = () => joinListeners.forEach((listener) => listener());
  return { kafka: { consumer: () => consumer as unknown as Consumer } as unknown as Kafka, calls, crash, eachBatch, joined };
}

function consumerOn(kafka: Kafka, warnings: string[], handle: (batch: readonly EventEnvelope[]) => Promise<void> = () => Promise.resolve()): KafkaFeedConsumer {
  return new KafkaFeedConsumer(
    kafka,
    { group: 'g', after: 0, maxBatchSize: 10, handle },
    {
      topics: ['t.local'],
      policy: { retryDelayMs: 5, maxRetryDelayMs: 20, maxAttempts: 3 },
      deadLetters: { park: () => Promise.resolve('t.local.dead-letters') } as unknown as KafkaDeadLetters,
      logger: { warn: (message) => warnings.push(message) },
    },
  );
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KafkaFeedConsumer after kafkajs gives up on it', () => {
  it('starts the consumer again when kafkajs will not (a non-retriable crash), and says so', async () => {
    const { kafka, calls, crash } = fakeKafka();
    const warnings: string[] = [];
    const consumer = consumerOn(kafka, warnings);
    await consumer.start();
    crash(false);
    await settle(30);
    expect(calls).toEqual({ connect: 2, subscribe: 2, run: 2, disconnect: 0 });
    expect(warnings).toEqual([expect.stringContaining('Failed to find group coordinator')]);
    await consumer.stop();
  });

  it('leaves the restart to kafkajs when it restarts the consumer itself', async () => {
    const { kafka, calls, crash } = fakeKafka();
    const consumer = consumerOn(kafka, []);
    await consumer.start();
    crash(true);
    await settle(30);
    expect(calls.run).toBe(1);
    await consumer.stop();
  });

  it('does not start again once stopped, even with a restart pending', async () => {
    const { kafka, calls, crash } = fakeKafka();
    const consumer = consumerOn(kafka, []);
    await consumer.start();
    crash(false);
    await consumer.stop();
    await settle(30);
    expect(calls).toEqual({ connect: 1, subscribe: 1, run: 1, disconnect: 1 });
  });
});

describe('KafkaFeedConsumer when a rebalance took its partition mid-batch', () => {
  it('drops the commit the group refuses, says so, and leaves the partition to its new owner', async () => {
    const { kafka, eachBatch } = fakeKafka();
    const warnings: string[] = [];
    const consumer = consumerOn(kafka, warnings);
    await consumer.start();
    const refused = new KafkaJSProtocolError({ type: 'UNKNOWN_MEMBER_ID', code: 25, message: 'The coordinator is not aware of this member', retriable: false } as unknown as Error);
    // Before an unreadable message is parked, what precedes it is committed: the shortest way to a commit.
    const payload = {
      batch: { topic: 't.local', partition: 0, messages: [{ offset: '7', value: Buffer.from('not an envelope'), key: null, headers: {}, timestamp: '0', attributes: 0 }] },
      heartbeat: () => Promise.resolve(),
      isRunning: () => true,
      isStale: () => false,
      resolveOffset: () => undefined,
      commitOffsetsIfNecessary: () => Promise.reject(refused),
    } as unknown as EachBatchPayload;
    await expect(eachBatch(payload)).resolves.toBeUndefined();
    // Refused, so the batch stops there: the message is neither parked nor committed by this member.
    expect(warnings).toEqual(['feed group g: t.local/0 was reassigned (UNKNOWN_MEMBER_ID); its commit through 6 is left to the new owner']);
    await consumer.stop();
  });
});

describe('KafkaFeedConsumer when its group rebalances while it works through a batch', () => {
  const rebalancing = () => new KafkaJSProtocolError({ type: 'REBALANCE_IN_PROGRESS', code: 27, message: 'The group is rebalancing, so a rejoin is needed', retriable: false } as unknown as Error);
  const envelope = (n: number) => ({ eventId: `e${n}`, type: 'TeamRegistered', streamId: `team-${n}`, streamRevision: 1, globalPosition: n, schemaVersion: 1, data: {} }) as unknown as EventEnvelope;
  /** 25 messages at offsets 0..24; the heartbeat answers that the group rebalances once `rebalanced()` is true. */
  const payloadOf = (rebalanced: () => boolean, committed: string[]) =>
    ({
      batch: { topic: 't.local', partition: 0, messages: Array.from({ length: 25 }, (_, n) => ({ ...toMessage(envelope(n + 1)), offset: String(n), timestamp: '0', attributes: 0 })) },
      heartbeat: () => (rebalanced() ? Promise.reject(rebalancing()) : Promise.resolve()),
      isRunning: () => true,
      isStale: () => false,
      resolveOffset: () => undefined,
      commitOffsetsIfNecessary: (offsets: { topics: { partitions: { offset: string }[] }[] }) => Promise.resolve(void committed.push(offsets.topics[0]?.partitions[0]?.offset ?? '')),
    }) as unknown as EachBatchPayload;

  it('stops after the slice in hand, committed, so it rejoins at once instead of after the whole batch', async () => {
    const { kafka, eachBatch } = fakeKafka();
    const handled: number[][] = [];
    const consumer = consumerOn(kafka, [], (batch) => Promise.resolve(void handled.push(batch.map((event) => event.globalPosition))));
    await consumer.start();
    const committed: string[] = [];
    await eachBatch(payloadOf(() => handled.length > 0, committed));
    // One slice of 10 applied and committed (next offset 10); the other 15 are left to the partition's owner after the rebalance.
    expect(handled).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    expect(committed).toEqual(['10']);
    await consumer.stop();
  });

  it('works through whole batches again once it has rejoined the group', async () => {
    const { kafka, eachBatch, joined } = fakeKafka();
    let handled = 0;
    const consumer = consumerOn(kafka, [], (batch) => Promise.resolve(void (handled += batch.length)));
    await consumer.start();
    let rebalanced = true;
    await eachBatch(payloadOf(() => rebalanced, []));
    rebalanced = false;
    joined();
    await eachBatch(payloadOf(() => rebalanced, []));
    expect(handled).toBe(10 + 25);
    await consumer.stop();
  });
});
