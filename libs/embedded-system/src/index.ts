export * from './embedded-config';
export * from './embedded.module';
export * from './start-embedded';
export * from './embedded-projections';
export { LiveViewsThread } from './live-views/live-views-thread';
