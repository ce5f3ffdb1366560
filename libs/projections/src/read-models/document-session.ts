import type { EventEnvelope } from '@spiral/event-catalogue';
import type { ViewDocument } from '@spiral/ports';
import type { ViewSession } from '../projection';

/**
 * The one idempotency contract of every view document, on top of the runner's checkpoint: a
 * document keeps the last revision it applied from each stream that changes it, and an event at or
 * below it is a redelivery (the feed delivers at least once, in order per stream) that changes
 * nothing. A document that is the fold of one stream keeps it as `revision`; one that several
 * streams change (a team's view, from its own stream and its spirals') keeps `revisions` by stream.
 */
export interface RevisionTracked {
  readonly revision: number;
}

/** The last stream revision applied to a document, per source stream. */
export type SourceRevisions = Readonly<Record<string, number>>;

export type TrackedDocument = ViewDocument & { readonly revisions: SourceRevisions };

/** Whether the event is news to the document (an absent document has applied nothing). */
export function isNewFor(document: RevisionTracked | TrackedDocument | undefined, event: Pick<EventEnvelope, 'streamId' | 'streamRevision'>): boolean {
  if (document === undefined) return true;
  if ('revisions' in document) {
    const last = ownEntry(document.revisions, event.streamId);
    return last === undefined || event.streamRevision > last;
  }
  return event.streamRevision > document.revision;
}

/**
 * A record's own entry: ids are keys, and an id such as "constructor" must not find what every
 * object inherits.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The record with one entry set, in place: records keyed by id grow with the history (a practice's
 * adopters, a spiral's points), and a copy per event made an event's cost grow with them.
 */
export function setEntry<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  record[key] = value;
  return record;
}

/** What one update changed, for figures the projection keeps elsewhere. */
export interface DocumentChange<T> {
  readonly before: T | undefined;
  readonly after: T;
}

/**
 * The one way a projection updates a document: read it, let `change` answer its next state (or
 * undefined to leave it), store that. Given the event, the document is one several streams change:
 * an event it applied already changes nothing, and its `revisions` record the event. Given an empty
 * form instead, `change` starts from it when there is no document yet; a document folded from one
 * stream guards itself with isNewFor.
 */
export async function updateDocument<T extends TrackedDocument>(
  views: ViewSession,
  collection: string,
  id: string,
  event: EventEnvelope,
  change: (current: T | undefined) => T | undefined,
): Promise<DocumentChange<T> | undefined>;
export async function updateDocument<T extends ViewDocument>(
  views: ViewSession,
  collection: string,
  id: string,
  empty: (id: string) => T,
  change: (current: T) => T | undefined,
): Promise<DocumentChange<T> | undefined>;
export async function updateDocument<T extends ViewDocument>(
  views: ViewSession,
  collection: string,
  id: string,
  from: EventEnvelope | ((id: string) => T),
  change: (current: T | undefined) => T | undefined,
): Promise<DocumentChange<T> | undefined> {
  const current = await views.get<T>(collection, id);
  if (typeof from === 'function') {
    const next = change(current ?? from(id));
    if (next !== undefined) views.put(collection, id, next);
    return next === undefined ? undefined : { before: current, after: next };
  }
  if (!isNewFor(current as TrackedDocument | undefined, from)) return undefined;
  const next = change(current);
  if (next === undefined) return undefined;
  // In place, the document as `change` answered it: a team's document is changed by each of its
  // spirals' streams, so a copy of its revisions per event grew with the team's history, and a
  // copy of the document per event was a tenth of a rebuild's allocations (profiled).
  setEntry((next as TrackedDocument).revisions as Record<string, number>, from.streamId, from.streamRevision);
  views.put(collection, id, next);
  return { before: current, after: next };
}
