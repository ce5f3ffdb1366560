import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { EventRelay } from '@spiral/distributed-system';
import type { ViewChange, ViewStore } from '@spiral/ports';

/**
 * The relay as a process of its own, for the relay crash suite (`node -r register-typescript.js`):
 * the SQLite event store to Kafka, its checkpoint in a SQLite view store. With a crash point it
 * kills itself with SIGKILL at the checkpoint write of batch `batch`: `before` (published, not
 * checkpointed) or `after` (checkpointed, not yet told). One JSON line per checkpoint written.
 * Configured by one JSON environment variable, RELIABILITY_RELAY (RelayProcessConfig).
 */
export interface RelayProcessConfig {
  readonly eventsDir: string;
  readonly checkpointDir: string;
  readonly brokers: readonly string[];
  readonly topicPrefix: string;
  readonly batchSize: number;
  readonly crash?: { readonly at: 'before' | 'after'; readonly batch: number };
}

function say(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** The checkpoint store with the crash point in its commit: the relay's only write to it. */
function crashingAtCheckpoint(checkpoints: ViewStore, crash: RelayProcessConfig['crash']): ViewStore {
  let commits = 0;
  return Object.assign(Object.create(checkpoints) as ViewStore, {
    commit: async (projection: string, changes: readonly ViewChange[], position: number) => {
      commits += 1;
      const crashing = crash !== undefined && commits === crash.batch;
      if (crashing && crash.at === 'before') process.kill(process.pid, 'SIGKILL');
      await checkpoints.commit(projection, changes, position);
      say({ checkpoint: position });
      if (crashing && crash.at === 'after') process.kill(process.pid, 'SIGKILL');
    },
  });
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const config = JSON.parse(process.env['RELIABILITY_RELAY'] ?? '') as RelayProcessConfig;
  const store = await SqliteEventStore.open(config.eventsDir);
  const checkpoints = await SqliteViewStore.open(config.checkpointDir);
  const feed = await KafkaEventFeed.connect({ brokers: config.brokers, topicPrefix: config.topicPrefix, clientId: 'spiral-reliability-relay', logger: { warn: () => undefined } });
  const relay = new EventRelay(store, feed, crashingAtCheckpoint(checkpoints, config.crash), { name: 'relay', batchSize: config.batchSize, idleMs: 100, retryDelayMs: 100 });
  say({ started: await checkpoints.checkpoint('relay'), head: await store.headPosition() });
  await relay.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`relay failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
