import 'reflect-metadata';
import { InProcessEventFeed, SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import { ALL_PROJECTIONS } from '@spiral/distributed-system';
import { ProjectionRunner } from '@spiral/projections';
import type { Clock, EventFeed, FeedConsumerOptions, ViewStore } from '@spiral/ports';

/**
 * A projector as a process of its own, for the crash suites (`node -r register-typescript.js`):
 * every projection of every level over the SQLite event store's feed (in process) or Kafka, into
 * SQLite or MongoDB views. It writes one JSON line per batch it starts and per commit, so the
 * suite can kill it inside a batch and count what is applied again. Configured by one JSON
 * environment variable, RELIABILITY_PROJECTOR (see ProjectorProcessConfig).
 */
export interface ProjectorProcessConfig {
  readonly eventsDir: string;
  readonly views: { readonly kind: 'sqlite'; readonly dir: string } | { readonly kind: 'mongo'; readonly url: string; readonly database: string };
  readonly feed: { readonly kind: 'in-process' } | { readonly kind: 'kafka'; readonly brokers: readonly string[]; readonly topicPrefix: string };
  readonly maxBatchSize: number;
}

// Views that read the clock must not differ between a crashed run and the fresh replay.
const fixedClock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };
const quiet = { warn: (message: string) => process.stderr.write(`${message}\n`) };

function say(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Reports each batch before the runner sees it: the moment the suite aims its kill at. */
function announcingBatches(feed: EventFeed): EventFeed {
  return Object.assign(Object.create(feed) as EventFeed, {
    consume: (options: FeedConsumerOptions) =>
      feed.consume({
        ...options,
        handle: (batch) => {
          say({ batch: options.group, size: batch.length, first: batch[0]?.globalPosition, last: batch[batch.length - 1]?.globalPosition });
          return options.handle(batch);
        },
      }),
  });
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env['RELIABILITY_PROJECTOR'] ?? '') as ProjectorProcessConfig;
  const store = await SqliteEventStore.open(config.eventsDir);
  const views: ViewStore = config.views.kind === 'sqlite' ? await SqliteViewStore.open(config.views.dir) : await MongoViewStore.connect(config.views);
  const feed =
    config.feed.kind === 'in-process'
      ? new InProcessEventFeed(store, { retryDelayMs: 50, logger: quiet })
      : await KafkaEventFeed.connect({ brokers: config.feed.brokers, topicPrefix: config.feed.topicPrefix, clientId: 'spiral-reliability', retryDelayMs: 50, logger: quiet });
  const announced = announcingBatches(feed);
  const head = await store.headPosition();
  const runners = ALL_PROJECTIONS.map((projection) => new ProjectionRunner(projection, announced, views, store, fixedClock, config.maxBatchSize));
  const current = new Set<string>();
  for (const runner of runners) {
    runner.onCommitted = (position) => {
      say({ committed: runner.key, position });
      if (position >= head && !current.has(runner.key)) {
        current.add(runner.key);
        if (current.size === runners.length) say({ caughtUp: head });
      }
      return Promise.resolve();
    };
  }
  say({ started: process.pid, projections: runners.length, head });
  for (const runner of runners) await runner.start();
  // Already current at start (a kill after the last commit): nothing will be committed to say so.
  const statuses = await Promise.all(runners.map((runner) => views.checkpoint(runner.key)));
  if (statuses.every((position) => position >= head)) say({ caughtUp: head });
}

main().catch((error: unknown) => {
  process.stderr.write(`projector failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
