export * from './event-store.port';
export * from './event-feed.port';
export * from './view-store.port';
export * from './clock.port';
export * from './port-errors';
export * from './tokens';
export * from './append-checks';
