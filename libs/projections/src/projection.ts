import type { EventEnvelope } from '@spiral/event-catalogue';
import type { ViewDocument } from '@spiral/ports';

/**
 * The views of one batch as a projection sees them: reads see the batch's own writes first, and
 * nothing reaches the view store until the runner commits the batch with its checkpoint. A
 * document read from the session is the session's until the commit: a projection may change it in
 * place (and puts it back when it does), so an event costs what it changes, not a copy of every
 * record it touches. The runner keeps nothing of a pass that failed.
 */
export interface ViewSession {
  get<T extends ViewDocument>(collection: string, id: string): Promise<T | undefined>;
  put(collection: string, id: string, document: ViewDocument): void;
  delete(collection: string, id: string): void;
}

/**
 * One read model built from the feed. `version` names its generation: collections are stored as
 * `<collection>_v<version>` (after Emmett's versioned read models), so a new version builds
 * beside the old one from the start of history and readers move over when it has caught up.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Logical collection names; the runner stores them versioned. */
  readonly collections: readonly string[];
  /** Event types the projection reads; others are skipped without a call. */
  readonly eventTypes: ReadonlySet<string>;
  /** Applies one event. Must give the same views when an event is applied twice. */
  apply(event: EventEnvelope, views: ViewSession): Promise<void>;
}

/** Where a projection's logical collection is stored. */
export function storedCollection(projection: Pick<Projection, 'version'>, collection: string): string {
  return `${collection}_v${projection.version}`;
}

/** The checkpoint and consumer-group name of a projection's generation. */
export function projectionKey(projection: Pick<Projection, 'name' | 'version'>): string {
  return `${projection.name}_v${projection.version}`;
}

/** Every stored collection a projection's generation owns, its bookkeeping included (for drops). */
export function storedCollectionsOf(projection: Pick<Projection, 'version' | 'collections'>, bookkeeping: readonly string[]): string[] {
  return [...projection.collections, ...bookkeeping].map((collection) => storedCollection(projection, collection));
}
