import type { ViewChange, ViewDocument, ViewStore } from '@spiral/ports';
import { storedCollection, type Projection, type ViewSession } from './projection';
import { MISS, type ViewDocumentCache } from './view-document-cache';

/**
 * Buffers one batch's writes over the view store. Reads of a document written earlier in the same
 * batch see that write, so a projection can read-modify-write the same document many times per
 * batch while the store sees one put per document at commit, and a document is read from the store
 * once per batch at most. Given the runner's cache, documents read or committed in earlier batches
 * are served from memory.
 */
export class BatchViewSession implements ViewSession {
  private readonly pending = new Map<string, { collection: string; id: string; document: ViewDocument | null }>();

  /**
   * Without the runner's cache (a replay of parked events), documents read are still held for the batch:
   * a document read on most events but rarely written (a team's, on every point of its spirals)
   * was otherwise read and parsed again each time, a quarter of a rebuild's CPU (profiled).
   */
  private readonly cache: Pick<ViewDocumentCache, 'lookup' | 'remember'>;

  constructor(
    private readonly store: ViewStore,
    private readonly projection: Pick<Projection, 'version'>,
    cache?: ViewDocumentCache,
  ) {
    this.cache = cache ?? new BatchReads();
  }

  async get<T extends ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    const stored = storedCollection(this.projection, collection);
    const written = this.pending.get(key(stored, id));
    if (written) return (written.document ?? undefined) as T | undefined;
    const held = this.cache.lookup(stored, id);
    if (held !== MISS) return held as T | undefined;
    const read = await this.store.get<T>(stored, id);
    this.cache.remember(stored, id, read);
    return read;
  }

  put(collection: string, id: string, document: ViewDocument): void {
    const stored = storedCollection(this.projection, collection);
    // Kept as given: a projection may go on changing it until the commit, which stores it as it is then.
    this.pending.set(key(stored, id), { collection: stored, id, document });
  }

  delete(collection: string, id: string): void {
    const stored = storedCollection(this.projection, collection);
    this.pending.set(key(stored, id), { collection: stored, id, document: null });
  }

  /**
   * The batch's net changes, one per document; each put says whether the document is stored, where
   * the documents read say so (the store then need not look it up before writing it).
   */
  changes(): ViewChange[] {
    return [...this.pending.values()].map(({ collection, id, document }) => {
      if (document === null) return { kind: 'delete', collection, id };
      const held = this.cache.lookup(collection, id);
      return held === MISS ? { kind: 'put', collection, id, document } : { kind: 'put', collection, id, document, stored: held !== undefined };
    });
  }
}

/** The documents one batch read, absent ones too; dropped with the batch, so unbounded. */
class BatchReads implements Pick<ViewDocumentCache, 'lookup' | 'remember'> {
  private readonly documents = new Map<string, ViewDocument | undefined>();

  lookup(collection: string, id: string): ViewDocument | undefined | typeof MISS {
    const name = key(collection, id);
    return this.documents.has(name) ? this.documents.get(name) : MISS;
  }

  remember(collection: string, id: string, document: ViewDocument | undefined): void {
    this.documents.set(key(collection, id), document);
  }
}

function key(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}
