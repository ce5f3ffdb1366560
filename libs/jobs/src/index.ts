export * from './job';
export * from './job-limits';
export * from './job-queue';
export * from './jobs.module';
export * from './queue-full.filter';
export * from './serve-job';
export * from './worker-jobs';
export * from './start-worker';
