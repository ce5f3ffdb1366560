import type { EngineHealth } from './event-store.port';

/** A view document: JSON-serialisable, keyed by id within its collection. */
export type ViewDocument = Record<string, unknown>;

export type ViewChange =
  | {
      readonly kind: 'put';
      readonly collection: string;
      readonly id: string;
      readonly document: ViewDocument;
      /**
       * Whether the writer knows the document to be stored before this commit (it read it, present
       * or absent); left out when it does not know. A store may write by it without asking first
       * (MongoDB: insert or replace, no lookup), but must stay right when it is wrong.
       */
      readonly stored?: boolean;
    }
  | { readonly kind: 'delete'; readonly collection: string; readonly id: string };

/**
 * Equality on top-level fields: enough for the lookups views need, on every engine. Field names
 * are plain identifiers (/^[A-Za-z_][A-Za-z0-9_]*$/), anything else is refused; values match by
 * type ('1' is not 1); null matches a null or missing field, as in MongoDB.
 */
export type ViewFilter = Readonly<Record<string, string | number | boolean | null>>;

export interface FindOptions {
  /** A positive count. */
  readonly limit?: number;
  /** Sort by one top-level field; ties, and every find without sortBy, come in id order. */
  readonly sortBy?: string;
  readonly descending?: boolean;
}

/** What a process learns on taking a projection's exclusive turn. */
export interface ExclusiveTurn {
  /** False only when no other process has held the projection since this process last did. */
  readonly othersMayHaveWritten: boolean;
}

/**
 * Where projections keep what readers see. A projection writes its changes and its checkpoint in
 * one commit, so after a crash it resumes exactly where its views stand.
 */
export interface ViewStore {
  get<T extends ViewDocument = ViewDocument>(collection: string, id: string): Promise<T | undefined>;
  /**
   * Several documents of one collection in one round trip, by id (absent ones left out). Stores
   * whose reads are local (SQLite) leave it out; the runner then reads ahead nothing.
   */
  getMany?<T extends ViewDocument = ViewDocument>(collection: string, ids: readonly string[]): Promise<Map<string, T>>;
  find<T extends ViewDocument = ViewDocument>(
    collection: string,
    filter?: ViewFilter,
    options?: FindOptions,
  ): Promise<T[]>;
  /**
   * Applies the changes in order and records the projection's checkpoint, all or nothing: when a
   * change cannot be stored (say, a document that is not JSON), nothing of the commit is.
   */
  commit(projection: string, changes: readonly ViewChange[], checkpoint: number): Promise<void>;
  /** The global position the projection has applied up to; 0 when it has applied nothing. */
  checkpoint(projection: string): Promise<number>;
  /**
   * Runs one projection's read-apply-commit alone among every process sharing this store: members
   * of one consumer group (several projectors) each read documents that other members' streams also
   * change, so their batches must not interleave. Stores only one process writes (SQLite) leave it
   * out, and the runner then runs the work as it is. The work is told whether another process may
   * have written the projection's views since this one last held it, so what it cached is stale.
   */
  exclusively?<T>(projection: string, work: (turn: ExclusiveTurn) => Promise<T>): Promise<T>;
  /** Removes collections and the checkpoint of a projection, for rebuilds. */
  drop(projection: string, collections: readonly string[]): Promise<void>;
  health(): Promise<EngineHealth>;
  close(): Promise<void>;
}
