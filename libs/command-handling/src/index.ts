export * from './aggregate-command';
export * from './command-envelope';
export * from './command-writer';
export * from './event-ids';
export * from './handle-command';
export * from './published-facts.reader';
export * from './command-handling.module';
export * from './idempotency-key-reused';
