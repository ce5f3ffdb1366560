import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EngineHealth } from './event-store.port';

/** Handles one batch; the feed moves its checkpoint on only after this resolves. */
export type FeedBatchHandler = (batch: readonly EventEnvelope[]) => Promise<void>;

export interface FeedConsumerOptions {
  /** Consumers in one group share the work; each group sees every event. */
  readonly group: string;
  /**
   * Where the consumer stands (global position of the last event it applied), read from the view
   * store when the checkpoint is kept with the views. Feeds with their own offsets may ignore it.
   */
  readonly after: number;
  readonly handle: FeedBatchHandler;
  readonly maxBatchSize?: number;
}

export interface FeedSubscription {
  stop(): Promise<void>;
}

/**
 * How stored events reach the projectors: in process in the embedded system, through Kafka in the
 * distributed one. Delivery is at least once and in order per stream; consumers are idempotent.
 */
export interface EventFeed {
  publish(events: readonly EventEnvelope[]): Promise<void>;
  consume(options: FeedConsumerOptions): Promise<FeedSubscription>;
  health(): Promise<EngineHealth>;
  close(): Promise<void>;
}
