import type { ViewChange, ViewDocument, ViewStore } from '@spiral/ports';
import { storedCollection, type Projection, type ViewSession } from './projection';

/**
 * Documents held across the pages of one history, per projection: every document of the default
 * seed (30,000 documents, 18 MB of JSON over five projections) and the live part of a larger one.
 * Past it, the least recently used documents that are committed are let go and read again when
 * an event needs them, so memory stays bounded on any history. At the xlarge seed (68,000 national
 * documents, about 17,000 spirals live at once), 30,000 rebuilt faster than 60,000 (8,818 against
 * 7,078 events/s, one run each on a shared machine) and 20,000 slower (5,964).
 */
export const HISTORY_HELD_DOCUMENTS = 30_000;

/**
 * Changed documents a history's session holds before the runner commits them: the default seed's
 * views commit once, at the end; a larger history's every so often, so memory stays bounded.
 */
export const HISTORY_COMMIT_DOCUMENTS = 40_000;

type Held = {
  /** The stored collection's name. */
  readonly collection: string;
  readonly id: string;
  document: ViewDocument | undefined;
  usedAt: number;
  /** Changed since the last commit. */
  changed: boolean;
};

/**
 * One projection's views over a whole history (a rebuild, a replay): each document is read from
 * the store at most once for the whole history, not once per page, and kept in memory while the
 * pages go by; a commit writes each document changed since it was last committed, once. Profiled on the
 * default seed before it, reading and parsing each page's documents again was a fifth of a rebuild.
 * Valid because the history's runner is the only writer of its views while it runs. After a failed
 * pass the documents changed since the last commit are let go, so they are read back as committed.
 * Entries are found through a map per collection and never moved (profiled: keeping a map in order
 * of use, and string keys, cost a fifth of the rebuild); a commit, or a page past the bound, lets
 * the least recent go.
 */
export class HistoryViewSession implements ViewSession {
  /** By the projection's logical collection name, then by id. */
  private readonly held = new Map<string, Map<string, Held>>();
  private readonly changed: Held[] = [];
  private size = 0;
  /** Counts pages and commits: the entries used least recently are those with the smallest. */
  private uses = 0;

  constructor(
    private readonly store: ViewStore,
    private readonly projection: Pick<Projection, 'version'>,
    private readonly bounds: { readonly held: number; readonly commitAfter: number } = { held: HISTORY_HELD_DOCUMENTS, commitAfter: HISTORY_COMMIT_DOCUMENTS },
  ) {}

  async get<T extends ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    const documents = this.collection(collection);
    const held = documents.get(id);
    if (held !== undefined) {
      held.usedAt = this.uses;
      return held.document as T | undefined;
    }
    const stored = storedCollection(this.projection, collection);
    const document = await this.store.get<T>(stored, id);
    // Another get of the same document may have been answered meanwhile.
    if (!documents.has(id)) this.add(documents, { collection: stored, id, document, usedAt: this.uses, changed: false });
    return (documents.get(id) as Held).document as T | undefined;
  }

  put(collection: string, id: string, document: ViewDocument): void {
    this.hold(collection, id, document);
  }

  delete(collection: string, id: string): void {
    this.hold(collection, id, undefined);
  }

  /** Whether it holds enough changed documents to be committed now. */
  get dueForCommit(): boolean {
    return this.changed.length >= this.bounds.commitAfter;
  }

  /** What changed since the last commit, one change per document. */
  changes(): ViewChange[] {
    return this.changed.map(({ collection, id, document }) =>
      document === undefined ? { kind: 'delete', collection, id } : { kind: 'put', collection, id, document },
    );
  }

  /** The changes are stored: they are now what the store holds, and may be let go past the bound. */
  committed(): void {
    for (const entry of this.changed) entry.changed = false;
    this.changed.length = 0;
    this.uses += 1;
    if (this.size > this.bounds.held) this.letGoUnchanged();
  }

  /**
   * A page was applied. The documents only read since the last commit (a spiral's summary that
   * decides the event is news, a team read for its region) are as committed, so those used least
   * recently are let go past the bound here already: let go only at a commit, every document a
   * history touched between two commits stayed (at the xlarge seed, nearly all of a projection's).
   * A quarter over the bound first, so the sort that finds them is paid once per many pages.
   */
  pageApplied(): void {
    this.uses += 1;
    if (this.size > this.bounds.held + this.bounds.held / 4) this.letGoUnchanged();
  }

  /** Lets the least recently used documents not changed since the last commit go, down to the bound. */
  private letGoUnchanged(): void {
    const unchanged = [...this.held.values()].flatMap((documents) => [...documents.values()].filter((entry) => !entry.changed).map((entry) => ({ documents, entry })));
    unchanged.sort((a, b) => a.entry.usedAt - b.entry.usedAt);
    for (const { documents, entry } of unchanged.slice(0, this.size - this.bounds.held)) documents.delete(entry.id);
    this.size -= Math.min(unchanged.length, this.size - this.bounds.held);
  }

  /** A pass failed: what it changed is let go, to be read again as last committed. */
  discardChanges(): void {
    for (const documents of this.held.values()) {
      for (const entry of documents.values()) {
        if (!entry.changed) continue;
        documents.delete(entry.id);
        this.size -= 1;
      }
    }
    this.changed.length = 0;
  }

  private collection(logical: string): Map<string, Held> {
    let documents = this.held.get(logical);
    if (documents === undefined) {
      documents = new Map();
      this.held.set(logical, documents);
    }
    return documents;
  }

  private add(documents: Map<string, Held>, entry: Held): void {
    documents.set(entry.id, entry);
    this.size += 1;
  }

  private hold(collection: string, id: string, document: ViewDocument | undefined): void {
    const documents = this.collection(collection);
    const held = documents.get(id);
    if (held === undefined) {
      const entry = { collection: storedCollection(this.projection, collection), id, document, usedAt: this.uses, changed: true };
      this.add(documents, entry);
      this.changed.push(entry);
      return;
    }
    // Listed once per commit however often it changes: `changed` holds the entry, not the document.
    if (!held.changed) this.changed.push(held);
    held.changed = true;
    held.document = document;
    held.usedAt = this.uses;
  }
}
