export * from './sqlite-event-store';
export * from './sqlite-view-store';
export * from './sqlite/wal-checkpoints';
export * from './in-memory-view-store';
export * from './in-process-event-feed';
export type { FeedLogger, RetryPolicy } from './in-process-feed-consumer';
