export * from './embedded-config';
export * from './embedded.module';
export * from './start-embedded';
export * from './embedded-projections';
export { LiveViewsThread } from './live-views/live-views-thread';
export * from './rebuild/rebuild-views';
export * from './rebuild/rebuild-views-thread';
export * from './rebuild/rebuild-job';
export * from './rebuild/rebuild-jobs';
