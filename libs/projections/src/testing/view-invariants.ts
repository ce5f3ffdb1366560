import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { applyHistory } from '../apply-history';
import { applyRedelivering, failingOnceOnLast } from './failing-once';
import { projectInBatches, viewContents } from './projection-spec';
import { SqliteViewStore } from '@spiral/adapters-embedded';
import type { Clock, EventFeed, EventStore } from '@spiral/ports';
import fc from 'fast-check';
import { batchesOf, historyArbitrary, withRedeliveries } from './history-arbitrary';

async function contentsAfter(projection: Projection, batches: readonly (readonly EventEnvelope[])[]) {
  const views = await projectInBatches(projection, batches);
  const contents = await viewContents(projection, views);
  await views.close();
  return contents;
}

const clock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };

/**
 * What every view must hold, whatever its shape (SPEC "Views": rebuilt from history at any time
 * with the same result): the same view from one replay, from any batch split, from events
 * delivered again, and from a history applied again past a lost checkpoint.
 */
export function describeViewInvariants(projection: Projection, sample: readonly EventEnvelope[]): void {
  describe(`${projection.name}: the same view however the events arrive`, () => {
    it('is unchanged when every event is delivered twice in a row', async () => {
      expect(await contentsAfter(projection, [sample.flatMap((event) => [event, event])])).toEqual(await contentsAfter(projection, [sample]));
    });

    it('is unchanged when the whole history is applied again past the checkpoint', async () => {
      const views = await projectInBatches(projection, [sample]);
      const before = await viewContents(projection, views);
      // A fresh runner starts at position 0, as after a lost checkpoint: only the documents' revisions guard.
      await new ProjectionRunner(projection, {} as EventFeed, views, {} as EventStore, clock).apply(sample);
      expect(await viewContents(projection, views)).toEqual(before);
      await views.close();
    });

    it('keeps nothing of a pass that failed half-way through changing documents in place', async () => {
      const expected = await contentsAfter(projection, [sample]);
      const views = await SqliteViewStore.openFile(':memory:');
      const runner = new ProjectionRunner(failingOnceOnLast(projection, sample), {} as EventFeed, views, {} as EventStore, clock);
      // Live: the second batch starts from documents the runner's cache held since the first.
      const half = Math.floor(sample.length / 2);
      for (const batch of [sample.slice(0, half), sample.slice(half)]) await applyRedelivering(runner, batch);
      expect(await viewContents(projection, views)).toEqual(expected);
      await views.close();
    });

    it('keeps nothing of a history that failed half-way through, started again from its last commit', async () => {
      const expected = await contentsAfter(projection, [sample]);
      const views = await SqliteViewStore.openFile(':memory:');
      const store = { readAll: () => (async function* () { yield* await Promise.resolve(sample); })() } as unknown as EventStore;
      const runner = new ProjectionRunner(failingOnceOnLast(projection, sample), {} as EventFeed, views, store, clock);
      // Pages of three events, the documents held from page to page and changed in place.
      const history = { upTo: sample.at(-1)?.globalPosition ?? 0, pageSize: 3 };
      await expect(applyHistory(store, [runner], history)).rejects.toThrow('a transient failure');
      await applyHistory(store, [runner], history);
      expect(await viewContents(projection, views)).toEqual(expected);
      await views.close();
    });

    it('is built the same in any batch split as in one full replay (property)', async () => {
      await fc.assert(
        fc.asyncProperty(historyArbitrary, fc.array(fc.nat(), { maxLength: 12 }), async (events, cuts) => {
          expect(await contentsAfter(projection, batchesOf(events, cuts))).toEqual(await contentsAfter(projection, [events]));
        }),
        { numRuns: 60 },
      );
    });

    it('is built the same when events are delivered again later (property)', async () => {
      const picks = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 })), { minLength: 1, maxLength: 10 });
      await fc.assert(
        fc.asyncProperty(historyArbitrary, picks, async (events, redelivered) => {
          expect(await contentsAfter(projection, [withRedeliveries(events, redelivered)])).toEqual(await contentsAfter(projection, [events]));
        }),
        { numRuns: 60 },
      );
    });
  });
}
