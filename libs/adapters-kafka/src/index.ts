export * from './kafka-event-feed';
export { KafkaTopics, type KafkaTopicLayout } from './kafka-topics';
export type { FeedLogger, KafkaRetryPolicy } from './kafka-feed-settings';
export { asyncApiDocument } from './asyncapi/asyncapi-document';
export { yamlText } from './asyncapi/yaml-text';
