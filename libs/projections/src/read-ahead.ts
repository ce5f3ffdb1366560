import type { EventEnvelope } from '@spiral/event-catalogue';
import type { ViewDocument, ViewStore } from '@spiral/ports';
import { storedCollection, type Projection, type ViewSession } from './projection';
import { MISS, type ViewDocumentCache } from './view-document-cache';

/**
 * Rounds of read-ahead per batch: the first finds the documents the events name directly (a
 * spiral's, a team's), the second those found through them (the team's region).
 */
const ROUNDS = 2;

/**
 * Fetches the documents a batch will read, a round trip per collection instead of one per
 * document, into the cache. Where the store reads over the network (MongoDB wire) a projection's
 * one-by-one reads of documents not yet cached were most of a projector's time: a batch of 500 new
 * teams cost each projection some 500 sequential round trips. The projection is applied to the
 * batch on a throwaway session that answers from the cache and records what it lacks; what it
 * writes and any error it meets are discarded, so the real pass afterwards is unaffected.
 */
export async function readAhead(projection: Projection, events: readonly EventEnvelope[], store: ViewStore, cache: ViewDocumentCache): Promise<void> {
  const getMany = store.getMany?.bind(store);
  if (getMany === undefined) return;
  const relevant = events.filter((event) => projection.eventTypes.has(event.type));
  for (let round = 0; round < ROUNDS; round += 1) {
    const recorder = new MissRecorder(projection, cache);
    for (const event of relevant) {
      try {
        await projection.apply(event, recorder);
      } catch {
        // The real pass meets (and parks) real failures; here an event only names what it reads.
      }
    }
    if (recorder.missing.size === 0) return;
    for (const [collection, ids] of recorder.missing) {
      const found = await getMany(collection, [...ids]);
      for (const id of ids) cache.remember(collection, id, found.get(id));
    }
  }
}

/** A session over the cache alone: its own writes are seen, misses are recorded and read as absent. */
class MissRecorder implements ViewSession {
  readonly missing = new Map<string, Set<string>>();
  private readonly written = new Map<string, ViewDocument | undefined>();

  constructor(
    private readonly projection: Pick<Projection, 'version'>,
    private readonly cache: ViewDocumentCache,
  ) {}

  get<T extends ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    const stored = storedCollection(this.projection, collection);
    const key = `${stored}\u0000${id}`;
    if (this.written.has(key)) return Promise.resolve(this.written.get(key) as T | undefined);
    const held = this.cache.lookup(stored, id);
    // A copy: the projection may change what it reads in place, and this pass is thrown away.
    if (held !== MISS) return Promise.resolve(held === undefined ? undefined : (structuredClone(held) as T));
    const ids = this.missing.get(stored) ?? new Set<string>();
    this.missing.set(stored, ids.add(id));
    return Promise.resolve(undefined);
  }

  put(collection: string, id: string, document: ViewDocument): void {
    this.written.set(`${storedCollection(this.projection, collection)}\u0000${id}`, document);
  }

  delete(collection: string, id: string): void {
    this.written.set(`${storedCollection(this.projection, collection)}\u0000${id}`, undefined);
  }
}
