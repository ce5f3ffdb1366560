export * from './batch-view-session';
export * from './projection';
export * from './projection-runner';
export * from './projections.module';
export * from './applied-events';
