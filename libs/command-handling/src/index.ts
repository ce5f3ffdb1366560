export * from './command-envelope';
export * from './event-ids';
export * from './handle-command';
