import type { EventEnvelope } from '@spiral/event-catalogue';
import type { ViewDocument } from '@spiral/ports';
import type { Projection, ViewSession } from '../projection';

/**
 * A view session that freezes every document it holds, all the way down. The runner keeps the
 * documents it read and committed between batches (ViewDocumentCache), which holds only while
 * projections replace documents rather than change them: applied through this session, a
 * projection that changes one in place throws a TypeError (modules are strict).
 */
export class FrozenDocumentsSession implements ViewSession {
  private readonly documents = new Map<string, ViewDocument>();

  get<T extends ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    return Promise.resolve(this.documents.get(`${collection}\u0000${id}`) as T | undefined);
  }

  put(collection: string, id: string, document: ViewDocument): void {
    this.documents.set(`${collection}\u0000${id}`, deepFreeze(document));
  }

  delete(collection: string, id: string): void {
    this.documents.delete(`${collection}\u0000${id}`);
  }
}

/** Applies the events the projection reads, one by one, over frozen documents. */
export async function applyOverFrozenDocuments(projection: Projection, events: readonly EventEnvelope[]): Promise<void> {
  const session = new FrozenDocumentsSession();
  for (const event of events) if (projection.eventTypes.has(event.type)) await projection.apply(event, session);
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
