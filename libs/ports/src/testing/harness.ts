import type { EventFeed } from '../event-feed.port';
import type { EventStore } from '../event-store.port';
import type { ViewStore } from '../view-store.port';

/** The running test's harness, made fresh before each test. */
export type HarnessOf<T> = () => T;

/** One event store under test, opened on its own data. */
export interface EventStoreHarness {
  readonly store: EventStore;
  /** Closes the store handed out last (`store`, or what reopen gave) and opens the same data again. */
  reopen(): Promise<EventStore>;
  /** Closes whatever is open and removes the data. */
  cleanup(): Promise<void>;
}

/** One view store under test, opened on its own data. */
export interface ViewStoreHarness {
  readonly store: ViewStore;
  /** Closes the store handed out last (`store`, or what reopen gave) and opens the same data again. */
  reopen(): Promise<ViewStore>;
  /** Closes whatever is open and removes the data. */
  cleanup(): Promise<void>;
}

/**
 * A feed under test with the store whose events it carries. The suite appends to the store and
 * publishes what was stored, as the relay does; a feed fed by the store itself may ignore publish.
 */
export interface EventFeedHarness {
  readonly store: EventStore;
  readonly feed: EventFeed;
  /** Closes the feed and the store and removes their data. */
  cleanup(): Promise<void>;
}

export type { FeedOrdering } from '../event-feed.port';
import type { FeedOrdering } from '../event-feed.port';

export interface FeedCaseContext {
  harness: HarnessOf<EventFeedHarness>;
  readonly ordering: FeedOrdering;
  readonly deliveryTimeoutMs: number;
}
