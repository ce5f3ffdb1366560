export * from './projection-spec';
export * from './envelopes';
