import type { EventEnvelope } from '@spiral/event-catalogue';

export type Document = Record<string, unknown>;

/**
 * What the shared read-model pieces need of a projection's batch: read a document, replace it.
 * `@spiral/projections`' ViewSession has exactly this shape, so the regional and national
 * projections hand theirs over; this library stays free of the projection framework.
 */
export interface DocumentSession {
  get<T extends Document>(collection: string, id: string): Promise<T | undefined>;
  put(collection: string, id: string, document: Document): void;
}

/** A document that is the fold of one stream keeps the revision of the last event it applied. */
export interface RevisionTracked {
  readonly revision: number;
}

/**
 * Per-document idempotency, on top of the runner's checkpoint: an event at or below the revision
 * the document last applied from its stream is a redelivery (the feed delivers at least once, in
 * order per stream) and changes nothing. Aggregates change only by what an accepted event changed
 * in its stream's document, so they inherit the guard.
 */
export function isNewFor(document: RevisionTracked | undefined, event: Pick<EventEnvelope, 'streamRevision'>): boolean {
  return document === undefined || event.streamRevision > document.revision;
}

/**
 * A record's own entry: ids are keys, and an id such as "constructor" must not find what every
 * object inherits.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of the record with one entry replaced. */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  return { ...record, [key]: value };
}

/** Reads a document (or its empty form), lets `change` replace it, and stores the result when there is one. */
export async function updateDocument<T extends Document>(
  views: DocumentSession,
  collection: string,
  id: string,
  empty: (id: string) => T,
  change: (document: T) => T | undefined,
): Promise<void> {
  const next = change((await views.get<T>(collection, id)) ?? empty(id));
  if (next !== undefined) views.put(collection, id, next);
}
