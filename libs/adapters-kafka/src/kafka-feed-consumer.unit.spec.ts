import { KafkaJSProtocolError, type Consumer, type ConsumerCrashEvent, type ConsumerRunConfig, type EachBatchPayload, type Kafka } from 'kafkajs';
import type { KafkaDeadLetters } from './kafka-dead-letters';
import { KafkaFeedConsumer } from './kafka-feed-consumer';

const CRASH = 'consumer.crash';

/** A kafkajs consumer that counts its starts and lets the test raise its crash event, as kafkajs does after giving up. */
function fakeKafka() {
  const listeners: ((event: ConsumerCrashEvent) => void)[] = [];
  const calls = { connect: 0, subscribe: 0, run: 0, disconnect: 0 };
  let running: ConsumerRunConfig | undefined;
  const consumer = {
    events: { CRASH },
    on: (name: string, listener: (event: ConsumerCrashEvent) => void) => {
      if (name === CRASH) listeners.push(listener);
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
  return { kafka: { consumer: () => consumer as unknown as Consumer } as unknown as Kafka, calls, crash, eachBatch };
}

function consumerOn(kafka: Kafka, warnings: string[]): KafkaFeedConsumer {
  return new KafkaFeedConsumer(
    kafka,
    { group: 'g', after: 0, maxBatchSize: 10, handle: () => Promise.resolve() },
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
