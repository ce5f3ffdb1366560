export * from './postgres-event-store';
/** The table's own multi-row insert, for the benchmark's raw ceiling (`npm run bench -- --only distributed`). */
export { insertParameters, insertSql } from './postgres-event-store.schema';
