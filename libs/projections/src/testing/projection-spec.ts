import { SqliteViewStore } from '@spiral/adapters-embedded';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Clock, EventFeed, EventStore, ViewDocument, ViewStore } from '@spiral/ports';
import { ProjectionRunner } from '../projection-runner';
import { storedCollection, type Projection } from '../projection';

const unusedFeed = {} as EventFeed;
const unusedStore = {} as EventStore;
const fixedClock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };

/** Applies events to a projection over a fresh in-memory view store, in the given batches. */
export async function projectInBatches(projection: Projection, batches: readonly (readonly EventEnvelope[])[]): Promise<ViewStore> {
  const views = await SqliteViewStore.openFile(':memory:');
  const runner = new ProjectionRunner(projection, unusedFeed, views, unusedStore, fixedClock);
  for (const batch of batches) await runner.apply(batch);
  return views;
}

/** Every document of every collection of the projection, for whole-view comparisons. */
export async function viewContents(projection: Projection, views: ViewStore): Promise<Record<string, ViewDocument[]>> {
  const contents: Record<string, ViewDocument[]> = {};
  for (const collection of projection.collections) {
    contents[collection] = await views.find(storedCollection(projection, collection));
  }
  return contents;
}

/**
 * Projection specs as given events / then view, over the same runner production uses, so the
 * batch session, the checkpoint and the versioned collections are all exercised.
 */
export function projectionSpec(projection: Projection) {
  return {
    given(events: readonly EventEnvelope[]) {
      return {
        async then(collection: string, id: string, expected: ViewDocument | undefined): Promise<void> {
          const views = await projectInBatches(projection, [events]);
          expect(await views.get(storedCollection(projection, collection), id)).toEqual(expected);
          await views.close();
        },
        async view(): Promise<Record<string, ViewDocument[]>> {
          const views = await projectInBatches(projection, [events]);
          const contents = await viewContents(projection, views);
          await views.close();
          return contents;
        },
      };
    },
  };
}
