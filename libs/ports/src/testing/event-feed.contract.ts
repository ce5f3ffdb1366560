import { deliveryCases, stoppingCases } from './event-feed.cases';
import type { EventFeedHarness, FeedCaseContext, FeedOrdering } from './harness';

export type EventFeedFactory = () => Promise<EventFeedHarness>;

export interface EventFeedContractOptions {
  /**
   * 'per-stream' (the default) is all the port promises (Kafka keyed by stream); 'global' for a feed
   * that also keeps the store's global order (the in-process feed), which the suite then checks too.
   */
  readonly ordering?: FeedOrdering;
  /** How long a test waits for deliveries (default 4 s); a broker with rebalances needs longer, and a longer jest timeout. */
  readonly deliveryTimeoutMs?: number;
}

/**
 * What every EventFeed adapter must do, observably: at-least-once delivery after a consumer's
 * position, in batches no larger than asked, redelivery of a failed batch, independent groups and
 * a stop that really stops. Streams and groups are named uniquely per test.
 */
export function eventFeedContract(name: string, makeFeed: EventFeedFactory, options: EventFeedContractOptions = {}): void {
  describe(`EventFeed contract: ${name}`, () => {
    let current: EventFeedHarness | undefined;
    beforeEach(async () => {
      current = await makeFeed();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });
    const context: FeedCaseContext = {
      harness: () => {
        if (current === undefined) throw new Error('the event feed harness is not open');
        return current;
      },
      ordering: options.ordering ?? 'per-stream',
      deliveryTimeoutMs: options.deliveryTimeoutMs ?? 4_000,
    };

    it(`declares ${context.ordering} ordering, so consumers know how to track what they applied`, () => {
      expect(context.harness().feed.ordering).toBe(context.ordering);
    });

    describe('delivery', () => deliveryCases(context));
    describe('stopping', () => stoppingCases(context));
  });
}
