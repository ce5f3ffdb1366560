import type { EngineHealth, FindOptions, ViewChange, ViewDocument, ViewFilter, ViewStore } from '@spiral/ports';

/** Top-level field names only, as every engine's find takes them. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function field(name: string): string {
  if (!FIELD_NAME.test(name)) throw new RangeError(`view field name ${JSON.stringify(name)} is not a plain identifier`);
  return name;
}

const valueOf = (document: ViewDocument, name: string): unknown => (Object.hasOwn(document, name) ? document[name] : undefined);

/** Equality with the type ('1' is not 1); null matches a null or missing field, as on every engine. */
function matches(document: ViewDocument, filter: ViewFilter): boolean {
  for (const [name, wanted] of Object.entries(filter)) {
    const value = valueOf(document, name);
    if (wanted === null ? value !== undefined && value !== null : value !== wanted) return false;
  }
  return true;
}

/** The order SQLite's json_extract sorts in: missing and null first, then numbers (booleans as 1/0), then text. */
function sortKey(value: unknown): [number, number | string] {
  if (value === undefined || value === null) return [0, 0];
  if (typeof value === 'boolean') return [1, value ? 1 : 0];
  if (typeof value === 'number') return [1, value];
  return [2, typeof value === 'string' ? value : JSON.stringify(value)];
}

const compared = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A view store in this process's memory that holds each committed document AS IT IS: not copied,
 * not serialised, so a commit costs a map entry per document and a find an array of references.
 * For a fold's own views that nobody else writes (an evaluation's, moments-fold.ts), where writing
 * and reading back every document as JSON at each moment was over a third of the evaluation
 * (profiled on the default seed). The writer may go on changing a document in place after
 * committing it (a history session does), so what is read is valid until the writer's next change:
 * read between a commit and the next event. For the same reason it cannot refuse a document no
 * engine could store (a cycle), as the engines' commit does; everything else is the port's.
 */
export class InMemoryViewStore implements ViewStore {
  private readonly collections = new Map<string, Map<string, ViewDocument>>();
  private readonly checkpoints = new Map<string, number>();

  get<T extends ViewDocument = ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    return Promise.resolve(this.collections.get(collection)?.get(id) as T | undefined);
  }

  find<T extends ViewDocument = ViewDocument>(collection: string, filter: ViewFilter = {}, options: FindOptions = {}): Promise<T[]> {
    return new Promise((resolve) => resolve(this.findNow<T>(collection, filter, options)));
  }

  commit(projection: string, changes: readonly ViewChange[], checkpoint: number): Promise<void> {
    for (const change of changes) {
      const documents = this.collection(change.collection);
      if (change.kind === 'put') documents.set(change.id, change.document);
      else documents.delete(change.id);
    }
    this.checkpoints.set(projection, checkpoint);
    return Promise.resolve();
  }

  checkpoint(projection: string): Promise<number> {
    return Promise.resolve(this.checkpoints.get(projection) ?? 0);
  }

  drop(projection: string, collections: readonly string[]): Promise<void> {
    for (const collection of collections) this.collections.delete(collection);
    this.checkpoints.delete(projection);
    return Promise.resolve();
  }

  health(): Promise<EngineHealth> {
    return Promise.resolve({ engine: 'memory', ok: true, detail: `${this.collections.size} collections in memory` });
  }

  close(): Promise<void> {
    this.collections.clear();
    this.checkpoints.clear();
    return Promise.resolve();
  }

  private collection(name: string): Map<string, ViewDocument> {
    let documents = this.collections.get(name);
    if (documents === undefined) {
      documents = new Map();
      this.collections.set(name, documents);
    }
    return documents;
  }

  private findNow<T extends ViewDocument>(collection: string, filter: ViewFilter, options: FindOptions): T[] {
    for (const name of Object.keys(filter)) field(name);
    const sortBy = options.sortBy === undefined ? undefined : field(options.sortBy);
    if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1)) throw new RangeError('limit must be a positive integer');
    const found = [...(this.collections.get(collection) ?? new Map<string, ViewDocument>())].filter(([, document]) => matches(document, filter));
    const direction = options.descending ? -1 : 1;
    const keyed = found.map(([id, document]) => ({ id, document, key: sortBy === undefined ? undefined : sortKey(valueOf(document, sortBy)) }));
    // Ties, and every find without a sort, in id order (ids compared as the engines' binary collation does for ASCII).
    keyed.sort((a, b) => (a.key === undefined || b.key === undefined ? 0 : direction * (a.key[0] - b.key[0] || compared(a.key[1], b.key[1]))) || compared(a.id, b.id));
    return keyed.slice(0, options.limit ?? keyed.length).map(({ document }) => document as T);
  }
}
