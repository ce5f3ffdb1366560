/** Injection tokens, so Nest modules depend on the ports and each app picks the adapters. */
export const EVENT_STORE = Symbol('EventStore');
export const EVENT_FEED = Symbol('EventFeed');
export const VIEW_STORE = Symbol('ViewStore');
export const CLOCK = Symbol('Clock');
