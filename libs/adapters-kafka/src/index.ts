export * from './kafka-event-feed';
export { KafkaTopics, type KafkaTopicLayout } from './kafka-topics';
export type { FeedLogger, KafkaRetryPolicy } from './kafka-feed-settings';
