export * from './batch-view-session';
export * from './projection';
export * from './projection-runner';
export * from './projections.module';
export * from './applied-events';
export * from './apply-history';
export * from './projection-generations';
export * from './active-view-store';
export * from './blue-green';
export * from './parked-events';
export * from './replay-parked';
// The read-model kit every context's projections are built from (one session, one update, one idempotency rule).
export * from './read-models/document-session';
export * from './read-models/change-stamp';
export * from './read-models/stamped-cache';
export * from './read-models/keyed-list';
// Read-model pieces both the regional and the national projection are built from.
export * from './read-models/spiral-summary';
export * from './read-models/spiral-timeline';
export * from './read-models/summary-as-of';
export * from './read-models/team-index';
export * from './read-models/spiral-index';
export * from './read-models/area-penetration';
export * from './read-models/adopters';
export * from './history-view-session';
