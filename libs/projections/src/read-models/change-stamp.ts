import type { ViewDocument } from '@spiral/ports';
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
  const counting = new ChangeWatch(session);
  await apply(counting);
  if (!counting.changed) return;
  // Counted in place (the stamp is the session's, see ViewSession): a new stamp per event was one
  // of a rebuild's larger allocations, on every event of the projections that keep one (profiled).
  const counted = await session.get<ChangeStamp>(stamp.collection, CHANGE_STAMP_ID);
  if (counted === undefined) {
    session.put(stamp.collection, CHANGE_STAMP_ID, { generation: stamp.generation, changes: 1 });
    return;
  }
  counted.generation = stamp.generation;
  counted.changes += 1;
  session.put(stamp.collection, CHANGE_STAMP_ID, counted);
}

/** The session as one event's apply sees it, noting whether it wrote anything. */
class ChangeWatch implements ViewSession {
  changed = false;

  constructor(private readonly session: ViewSession) {}

  get<T extends ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    return this.session.get<T>(collection, id);
  }

  put(collection: string, id: string, document: ViewDocument): void {
    this.changed = true;
    this.session.put(collection, id, document);
  }

  delete(collection: string, id: string): void {
    this.changed = true;
    this.session.delete(collection, id);
  }
}
