import type { EventEnvelope } from '@spiral/event-catalogue';
import type { FeedBatchHandler } from '@spiral/ports';
import type { KafkaMessage } from 'kafkajs';
import { describeError, type FeedLogger, type KafkaRetryPolicy } from './kafka-feed-settings';

export interface DeliveryItem {
  readonly event: EventEnvelope;
  readonly message: KafkaMessage;
}

/** What a delivery needs from the consumer that runs it. */
export interface DeliveryContext {
  readonly group: string;
  readonly handle: FeedBatchHandler;
  readonly policy: KafkaRetryPolicy;
  readonly logger: FeedLogger;
  /** True once the subscription is stopping: deliveries give up and leave their offsets uncommitted. */
  stopping(): boolean;
  /** Waits, keeping the group membership alive; resolves early when stopping. */
  backoff(ms: number): Promise<void>;
  /** Parks one event that keeps failing on its dead-letter topic. */
  park(item: DeliveryItem, error: unknown, attempts: number): Promise<void>;
}

/**
 * Hands a batch to the handler until it succeeds, with a doubling backoff between attempts, so the
 * failed events come again before anything later of their partition (and so of their streams).
 * After `maxAttempts` failures a batch is split into single events; a single event that still
 * fails is parked and the rest flows on. Resolves false when the subscription stopped first.
 */
export async function deliver(items: readonly DeliveryItem[], context: DeliveryContext): Promise<boolean> {
  const { policy, logger } = context;
  for (let attempt = 1; ; attempt++) {
    if (context.stopping()) return false;
    try {
      await context.handle(items.map((item) => item.event));
      return true;
    } catch (error) {
      if (context.stopping()) return false;
      const range = `${items[0]?.event.globalPosition}..${items.at(-1)?.event.globalPosition}`;
      if (attempt >= policy.maxAttempts) {
        if (items.length > 1) {
          logger.warn(`feed group ${context.group}: batch ${range} failed ${attempt} times; delivering its events one by one`);
          for (const item of items) if (!(await deliver([item], context))) return false;
          return true;
        }
        const [item] = items;
        if (item !== undefined) await context.park(item, error, attempt);
        return true;
      }
      const delay = Math.min(policy.retryDelayMs * 2 ** (attempt - 1), policy.maxRetryDelayMs);
      logger.warn(
        `feed group ${context.group}: batch ${range} failed (attempt ${attempt}), retrying in ${delay} ms: ${describeError(error)}`,
      );
      await context.backoff(delay);
    }
  }
}
