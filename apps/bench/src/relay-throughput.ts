import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import { PostgresEventStore } from '@spiral/adapters-postgres';
import { EventRelay } from '@spiral/distributed-system';
import type { BenchEngines } from './distributed-engines';
import { appendConcurrently } from './distributed-history';
import { waitFor } from './wait-for';

const WAIT_MS = 180_000;

export interface RelayThroughput {
  /** Stored → published and checkpointed, events/s, from the relay's start to its catching up. */
  readonly perSecond: number;
  /** CPU of this process (the relay, and the bench polling its status) per event relayed, µs. */
  readonly cpuMicrosPerEvent: number;
}

/**
 * The relay on a history of `events` events, warm: a first relay publishes one event (so the topic
 * exists and the connections are open: start-up, not throughput), then a second one, from that
 * checkpoint, relays the history appended meanwhile. Its own schema, topics and checkpoint, so the
 * history can be larger than the one the projector is timed on.
 */
export async function relayThroughput(engines: BenchEngines, names: { schema: string; topicPrefix: string; database: string }, events: number): Promise<RelayThroughput> {
  const store = await PostgresEventStore.connect(`${engines.pgUrl}?schema=${names.schema}`);
  const feed = await KafkaEventFeed.connect({ brokers: engines.brokers, topicPrefix: names.topicPrefix, clientId: 'spiral-bench-relay', logger: { warn: () => undefined }, partitions: 1 });
  const checkpoints = await MongoViewStore.connect({ url: engines.mongoUrl, database: names.database });
  const options = { name: 'bench-relay-throughput', idleMs: 20 };
  try {
    await appendConcurrently(store, 1, 'warm-up');
    const warmUp = new EventRelay(store, feed, checkpoints, options);
    await warmUp.start();
    await waitFor(async () => (await warmUp.status()).eventsBehind === 0, WAIT_MS, 'the relay to publish its first event');
    await warmUp.stop();

    await appendConcurrently(store, events, 'relayed');
    const relay = new EventRelay(store, feed, checkpoints, options);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await relay.start();
    await waitFor(async () => (await relay.status()).eventsBehind === 0, WAIT_MS, `the relay to publish ${events} events`);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    await relay.stop();
    return { perSecond: events / seconds, cpuMicrosPerEvent: (used.user + used.system) / events };
  } finally {
    await feed.close();
    await checkpoints.close();
    await store.close();
  }
}
