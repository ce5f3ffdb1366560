import { Logger } from '@nestjs/common';
import type { EngineHealth, EventFeed, EventStore, FeedConsumerOptions, FeedSubscription } from '@spiral/ports';
import { settled } from './settled';
import { InProcessFeedConsumer, type FeedLogger, type RetryPolicy } from './in-process-feed-consumer';

export interface InProcessEventFeedOptions extends Partial<RetryPolicy> {
  readonly defaultMaxBatchSize?: number;
  readonly logger?: FeedLogger;
}

const DEFAULTS = { retryDelayMs: 200, maxRetryDelayMs: 10_000, defaultMaxBatchSize: 200 } as const;

/**
 * The embedded feed: each consumer follows the event store's own subscription from its checkpoint,
 * so it sees events in global order, at least once, with nothing to relay. A failed batch is retried
 * with a doubling backoff (logged each time) until it succeeds or the consumer stops: the feed
 * itself never skips an event. Deciding that one is poison is the consumer's (the projection runner
 * parks an event that keeps failing while its view store is healthy, and so lets the batch commit).
 */
export class InProcessEventFeed implements EventFeed {
  readonly ordering = 'global' as const;
  private readonly consumers = new Map<string, InProcessFeedConsumer>();
  private readonly retry: RetryPolicy;
  private readonly defaultMaxBatchSize: number;
  private readonly logger: FeedLogger;
  private closed = false;

  constructor(
    private readonly store: EventStore,
    options: InProcessEventFeedOptions = {},
  ) {
    this.retry = {
      retryDelayMs: options.retryDelayMs ?? DEFAULTS.retryDelayMs,
      maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULTS.maxRetryDelayMs,
    };
    this.defaultMaxBatchSize = options.defaultMaxBatchSize ?? DEFAULTS.defaultMaxBatchSize;
    this.logger = options.logger ?? new Logger(InProcessEventFeed.name);
  }

  /**
   * Accepted and ignored: consumers read from the store's subscription, which already carries
   * every committed append, so publishing as well would deliver each event twice.
   */
  publish(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * One consumer per group: in one process a second consumer of a group could only duplicate the
   * first one's work, so it is refused as the wiring mistake it is.
   */
  consume(options: FeedConsumerOptions): Promise<FeedSubscription> {
    return settled(() => {
      if (this.closed) throw new Error('the in-process feed is closed');
      if (this.consumers.has(options.group)) throw new Error(`feed group ${options.group} already has a consumer`);
      const maxBatchSize = options.maxBatchSize ?? this.defaultMaxBatchSize;
      if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new RangeError('maxBatchSize must be a positive integer');
      const consumer = new InProcessFeedConsumer(this.store, { ...options, maxBatchSize }, this.retry, this.logger);
      this.consumers.set(options.group, consumer);
      consumer.start();
      return {
        stop: async () => {
          await consumer.stop();
          if (this.consumers.get(options.group) === consumer) this.consumers.delete(options.group);
        },
      };
    });
  }

  health(): Promise<EngineHealth> {
    const groups = [...this.consumers.keys()];
    const detail = this.closed ? 'closed' : `${groups.length} consumer group(s)${groups.length ? `: ${groups.join(', ')}` : ''}`;
    return Promise.resolve({ engine: 'in-process', ok: !this.closed, detail });
  }

  /** Stops every consumer, each after its batch in flight; the store is closed by its owner. */
  async close(): Promise<void> {
    this.closed = true;
    const consumers = [...this.consumers.values()];
    this.consumers.clear();
    await Promise.all(consumers.map((consumer) => consumer.stop()));
  }
}
