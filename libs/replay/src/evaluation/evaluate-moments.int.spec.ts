import { SqliteViewStore } from '@spiral/adapters-embedded';
import type { EventStore, ReadAllOptions } from '@spiral/ports';
import { SAMPLE_AS_OF, sampleHealthService, storeHolding } from '@spiral/projections/testing';
import type { IsolatedCopies } from '../isolated-copies';
import { evaluateMoments } from './evaluate-moments';

/** Isolated copies in memory, each thrown away when done. */
const inMemoryCopies: IsolatedCopies = async () => {
  const views = await SqliteViewStore.openFile(':memory:');
  return { views, location: ':memory:', discard: () => views.close() };
};

/** The store, counting how often it is read through. */
function counting(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const counted = new Proxy(store, {
    get(target, property) {
      if (property === 'readAll') {
        return (options?: ReadAllOptions) => {
          reads += 1;
          return target.readAll(options);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: counted, reads: () => reads };
}

describe('evaluating several moments', () => {
  it('reads the history once, and judges each moment as an evaluation of it alone does', async () => {
    const store = await storeHolding(sampleHealthService());
    try {
      const earlier = '2004-12-31T23:59:59.999Z';
      const [alone, aloneEarlier] = [await evaluateMoments(store, inMemoryCopies, [SAMPLE_AS_OF]), await evaluateMoments(store, inMemoryCopies, [earlier])];
      const read = counting(store);
      const together = await evaluateMoments(read.store, inMemoryCopies, [SAMPLE_AS_OF, earlier]);
      expect(read.reads()).toBe(1);
      expect(together).toEqual([...alone, ...aloneEarlier]);
      // The two moments differ, so each was judged on its own views.
      expect(together[0]).not.toEqual(together[1]);
    } finally {
      await store.close();
    }
  });
});
