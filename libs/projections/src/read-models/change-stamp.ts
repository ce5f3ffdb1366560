import type { ViewSession } from '../projection';

/**
 * How many events have changed a projection's views, kept by the projection itself in a document
 * of its own collection, so readers can tell "nothing changed" from one small read. The runner's
 * checkpoint cannot say it: replayed parked events commit without moving it, on a feed ordered per
 * stream a batch may commit only positions below it, and a blue/green switch is recorded at it.
 * An event counts when it changed a document, which happens once per event whatever the delivery
 * (the documents' revisions refuse redeliveries), so the count is the same in every rebuild.
 */
export type ChangeStamp = {
  /** The projection's version: generations count the same events, so the count alone would collide. */
  generation: number;
  changes: number;
};

/** The one document of a projection's change-stamp collection. */
export const CHANGE_STAMP_ID = 'views';

/** Applies one event through `apply`; when it changed any document, the stamp counts it in the same batch. */
export async function applyStamped(
  session: ViewSession,
  stamp: { readonly collection: string; readonly generation: number },
  apply: (views: ViewSession) => Promise<void>,
): Promise<void> {
  let changed = false;
  await apply({
    get: (collection, id) => session.get(collection, id),
    put: (collection, id, document) => {
      changed = true;
      session.put(collection, id, document);
    },
    delete: (collection, id) => {
      changed = true;
      session.delete(collection, id);
    },
  });
  if (!changed) return;
  const counted = await session.get<ChangeStamp>(stamp.collection, CHANGE_STAMP_ID);
  session.put(stamp.collection, CHANGE_STAMP_ID, { generation: stamp.generation, changes: (counted?.changes ?? 0) + 1 });
}
