import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EngineHealth } from './event-store.port';

export type FeedOrdering = 'global' | 'per-stream';

/** Handles one batch; the feed moves its checkpoint on only after this resolves. */
export type FeedBatchHandler = (batch: readonly EventEnvelope[]) => Promise<void>;

export interface FeedConsumerOptions {
  /** Consumers in one group share the work; each group sees every event. */
  readonly group: string;
  /**
   * Where the consumer stands (global position of the last event it applied), read from the view
   * store when the checkpoint is kept with the views. Events at or before it are not handed to the
   * consumer; feeds with their own offsets may start earlier but skip such events.
   */
  readonly after: number;
  readonly handle: FeedBatchHandler;
  /** The most events one batch holds; each adapter picks a default. */
  readonly maxBatchSize?: number;
}

export interface FeedSubscription {
  /** Stops delivery; resolves once the batch in flight, if any, has been handled. */
  stop(): Promise<void>;
}

/**
 * How stored events reach the projectors: in process in the embedded system, through Kafka in the
 * distributed one. Delivery is at least once and in order per stream; consumers are idempotent.
 * The events of a batch whose handler fails are delivered again, after a backoff, before anything
 * later of their streams.
 */
export interface EventFeed {
  /**
   * 'global': every consumer sees events in global-position order (the in-process feed), so a
   * checkpoint position says exactly what was applied. 'per-stream': order holds only within a
   * stream (Kafka partitions keyed by stream), so consumers must track what they applied per stream.
   */
  readonly ordering: FeedOrdering;
  publish(events: readonly EventEnvelope[]): Promise<void>;
  consume(options: FeedConsumerOptions): Promise<FeedSubscription>;
  health(): Promise<EngineHealth>;
  close(): Promise<void>;
}
