import { SqliteViewStore } from '@spiral/adapters-embedded';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore, ReadAllOptions } from '@spiral/ports';
import { datedHistoryArbitrary, SAMPLE_AS_OF, sampleHealthService, storeHolding } from '@spiral/projections/testing';
import fc from 'fast-check';
import type { IsolatedCopies } from '../isolated-copies';
import { replayViews } from '../replay-views';
import { evaluateMoments, EVALUATED_VIEWS, evaluationFigures } from './evaluate-moments';

/** Isolated copies in memory, each thrown away when done. */
const inMemoryCopies: IsolatedCopies = async () => {
  const views = await SqliteViewStore.openFile(':memory:');
  return { views, location: ':memory:', close: () => views.close(), discard: () => views.close() };
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

/** What evaluating one moment on its own means: the views replayed as of it alone, into a copy of their own, then read. */
async function evaluatedAlone(store: EventStore, at: string) {
  const copy = await inMemoryCopies(at);
  try {
    const replay = await replayViews({ store, projections: EVALUATED_VIEWS, target: copy.views, asOf: { kind: 'time', at } });
    return { asOf: at, events: { read: replay.eventsRead, applied: replay.eventsApplied }, ...(await evaluationFigures(copy.views, at)) };
  } finally {
    await copy.discard();
  }
}

/**
 * The history as it might have been recorded: each stream's events in their order (occurredAt
 * never goes back within a stream), the streams interleaved by `keys`, so facts of one stream are
 * entered late, after later facts of others. All keys equal keeps the history in time order.
 */
function recordedLate(events: readonly EventEnvelope[], keys: readonly number[]): EventEnvelope[] {
  const order = events.map((event, index) => ({ event, key: index + (keys[index] ?? 0) })).sort((a, b) => a.key - b.key);
  const byStream = new Map<string, EventEnvelope[]>();
  for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
  return order.map(({ event }) => (byStream.get(event.streamId) as EventEnvelope[]).shift() as EventEnvelope);
}

/** A history, how late its streams were entered (none, some), and 1 to 4 moments in any order, equal ones and ones before the first event included. */
const scenario = datedHistoryArbitrary.chain((events) => {
  const instants = events.flatMap((event) => [-1, 0, 1].map((ms) => new Date(Date.parse(event.occurredAt) + ms).toISOString()));
  const moment = fc.oneof(fc.constantFrom(...instants), fc.constant('2003-06-30T23:59:59.999Z'), fc.constant('2030-01-01T00:00:00.000Z'));
  const late = fc.oneof(fc.constant([]), fc.array(fc.nat({ max: events.length }), { minLength: events.length, maxLength: events.length }));
  return fc.record({ events: fc.constant(events), keys: late, moments: fc.array(moment, { minLength: 1, maxLength: 4 }) });
});

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

  it('judges every moment as evaluating it alone does, whatever the moments and however late history was entered (property)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ events, keys, moments }) => {
        const store = await storeHolding(recordedLate(events, keys));
        try {
          const read = counting(store);
          const together = await evaluateMoments(read.store, inMemoryCopies, moments);
          const alone = [];
          for (const at of moments) alone.push(await evaluatedAlone(store, at));
          expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
          // Recorded in time order, one read serves them all; history entered late may need one more.
          expect(read.reads()).toBeLessThanOrEqual(keys.length === 0 ? 1 : 2);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
