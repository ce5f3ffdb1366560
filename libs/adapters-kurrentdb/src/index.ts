export * from './kurrentdb-event-store';
export { EVENT_ID_STREAM_PREFIX } from './kurrentdb-event-id-guard';
