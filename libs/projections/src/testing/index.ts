export * from './projection-spec';
export * from './envelopes';
export * from './views-hash';
export * from './frozen-documents-session';
