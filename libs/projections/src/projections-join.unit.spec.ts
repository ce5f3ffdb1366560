import { SqliteViewStore } from '@spiral/adapters-embedded';
import { systemClock, type EventFeed, type FeedSubscription } from '@spiral/ports';
import type { Projection } from './projection';
import { Projections } from './projections.module';
import { storeHolding } from './testing';

const viewOf = (name: string): Projection => ({ name, version: 1, collections: ['docs'], eventTypes: new Set(), apply: () => Promise.resolve() });

/** A feed whose consumers join only when the test lets them (a Kafka group waiting for a rebalance); the first `failures` joins fail. */
function slowFeed(failures = 0) {
  const joins: (() => void)[] = [];
  let tries = 0;
  const feed = {
    ordering: 'per-stream',
    consume: () => {
      tries += 1;
      if (tries <= failures) return Promise.reject(new Error('no broker answers'));
      return new Promise<FeedSubscription>((resolve) => joins.push(() => resolve({ stop: () => Promise.resolve() })));
    },
  } as unknown as EventFeed;
  return { feed, joinAll: () => joins.splice(0).forEach((join) => join()), tries: () => tries };
}

async function projections(feed: EventFeed) {
  const views = await SqliteViewStore.openFile(':memory:');
  return new Projections([viewOf('a-view'), viewOf('b-view'), viewOf('c-view')], feed, views, await storeHolding([]), systemClock, 'in-background');
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Projections joining the feed in the background (a projector)', () => {
  it('is ready while its consumers join, says which run, and joins them all at once', async () => {
    const { feed, joinAll, tries } = slowFeed();
    const running = await projections(feed);
    await running.onApplicationBootstrap();
    expect(tries()).toBe(3);
    expect((await running.statuses()).map((status) => status.running)).toEqual([false, false, false]);
    joinAll();
    await settle(10);
    expect((await running.statuses()).map((status) => status.running)).toEqual([true, true, true]);
    await running.onApplicationShutdown();
  });

  it('tries a consumer that could not join again instead of failing the process', async () => {
    const { feed, joinAll, tries } = slowFeed(1);
    const running = await projections(feed);
    await running.onApplicationBootstrap();
    await settle(1_100);
    expect(tries()).toBe(4);
    joinAll();
    await settle(10);
    expect((await running.statuses()).every((status) => status.running)).toBe(true);
    await running.onApplicationShutdown();
  });
});
