import { SqliteViewStore } from '@spiral/adapters-embedded';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import { PostgresEventStore } from '@spiral/adapters-postgres';
import { ALL_PROJECTIONS } from '@spiral/distributed-system';
import type { ViewDocument, ViewStore } from '@spiral/ports';
import { storedCollection } from '@spiral/projections';
import { replayViews } from '@spiral/replay';

/** Every view document by stored collection, in id order (as every view store finds them). */
export type ViewsById = Record<string, ViewDocument[]>;

/** Every projection replayed from the whole event store into a fresh in-memory SQLite view store. */
export async function freshReplay(eventStoreUrl: string): Promise<ViewsById> {
  const store = await PostgresEventStore.connect(eventStoreUrl);
  const target = await SqliteViewStore.openFile(':memory:');
  try {
    await replayViews({ store, projections: ALL_PROJECTIONS, target, asOf: { kind: 'position', position: await store.headPosition() } });
    return await everyView(target);
  } finally {
    await target.close();
    await store.close();
  }
}

/** The live views the projectors built in MongoDB. */
export async function liveViews(mongoUrl: string, database: string): Promise<ViewsById> {
  const views = await MongoViewStore.connect({ url: mongoUrl, database });
  try {
    return await everyView(views);
  } finally {
    await views.close();
  }
}

async function everyView(views: ViewStore): Promise<ViewsById> {
  const all: ViewsById = {};
  for (const projection of ALL_PROJECTIONS) {
    for (const collection of projection.collections) {
      const stored = storedCollection(projection, collection);
      all[stored] = await views.find(stored);
    }
  }
  return all;
}
