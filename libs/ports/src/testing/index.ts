export * from './fixtures';
export * from './harness';
export * from './event-store.contract';
export * from './view-store.contract';
export * from './event-feed.contract';
export { FeedRecorder, expectOrdered, sameEvents } from './event-feed-recorder';
export * from './engine-under-test';
export { documentCases, findCases } from './view-store-documents.cases';
