import type { ViewChange, ViewDocument } from '@spiral/ports';
import { LRUCache } from 'lru-cache';

/**
 * Documents a projection holds in memory between batches: profiled, reading and parsing the
 * documents each batch touches was a tenth of a rebuild and most of a projector's time on a
 * MongoDB-wire store (one round trip per document). Valid only while this process is the sole
 * writer of the projection's collections; the runner clears it when that may not hold (a failed
 * commit, another member's turn, parked events replayed beside it, a pass that failed: projections
 * may change the documents they read in place, so what a failed pass touched is no longer true).
 */
export class ViewDocumentCache {
  /** `null` remembers that the store has no such document, so a miss costs one read too. */
  private readonly documents: LRUCache<string, ViewDocument | typeof ABSENT>;

  constructor(maxDocuments = DEFAULT_MAX_DOCUMENTS) {
    this.documents = new LRUCache({ max: maxDocuments });
  }

  /** The stored document (undefined when it is known absent), or `MISS` when not held. */
  lookup(collection: string, id: string): ViewDocument | undefined | typeof MISS {
    const held = this.documents.get(key(collection, id));
    if (held === undefined) return MISS;
    return held === ABSENT ? undefined : held;
  }

  /** What a read from the store answered. */
  remember(collection: string, id: string, document: ViewDocument | undefined): void {
    this.documents.set(key(collection, id), document === undefined ? ABSENT : document);
  }

  /** What a commit stored. */
  committed(changes: readonly ViewChange[]): void {
    for (const change of changes) this.remember(change.collection, change.id, change.kind === 'put' ? change.document : undefined);
  }

  clear(): void {
    this.documents.clear();
  }
}

/** Returned by lookup() when the cache does not hold the document. */
export const MISS = Symbol('not cached');
const ABSENT = Symbol('absent');

/**
 * Per projection: the documents live commands keep touching (their teams, regions, practices, the
 * nation) and more; past the bound the least recently used are read again, so memory stays bounded
 * on any history.
 */
export const DEFAULT_MAX_DOCUMENTS = 5_000;

function key(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}
