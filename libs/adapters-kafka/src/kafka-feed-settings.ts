/** How a consumer retries a failing batch and when it gives up on one event. */
export interface KafkaRetryPolicy {
  /** Wait before the first redelivery of a failed batch; doubles on each failure up to the max. */
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  /**
   * Deliveries of one event before it is parked on `<topic>.dlq` and its partition moves on.
   * A batch that fails this often is split into single events to find the one that fails.
   * Infinity never parks: the partition waits for the handler, as the in-process feed does.
   */
  readonly maxAttempts: number;
}

export interface FeedLogger {
  warn(message: string): void;
}

export const KAFKA_FEED_DEFAULTS = {
  clientId: 'spiral',
  topicPrefix: 'spiral',
  partitions: 3,
  defaultMaxBatchSize: 200,
  retryDelayMs: 200,
  maxRetryDelayMs: 30_000,
  // About two minutes of doubling backoff per event: long enough to ride out a view store restart
  // rather than park healthy events during it.
  maxAttempts: 10,
} as const;

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
