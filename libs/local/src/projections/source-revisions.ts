import type { EventEnvelope } from '@spiral/event-catalogue';
import type { ViewDocument } from '@spiral/ports';
import type { ViewSession } from '@spiral/projections';

/**
 * The last stream revision applied to a document, per source stream. The runner's checkpoint already
 * skips redelivered batches; this makes each document idempotent on its own too, so an event applied
 * twice (a replay over a live view, a runner restarted before its checkpoint) changes nothing.
 */
export type SourceRevisions = Readonly<Record<string, number>>;

export type TrackedDocument = ViewDocument & { readonly revisions: SourceRevisions };

export function alreadyApplied(document: TrackedDocument | undefined, event: EventEnvelope): boolean {
  const last = document?.revisions[event.streamId];
  return last !== undefined && event.streamRevision <= last;
}

/**
 * Read, change and write one document for one event, unless the document has applied it already.
 * `change` answers the new document (its `revisions` are set here) or undefined to leave it as it is.
 * Answers the document before and after when it changed, for figures kept elsewhere.
 */
export async function updateDocument<T extends TrackedDocument>(
  views: ViewSession,
  collection: string,
  id: string,
  event: EventEnvelope,
  change: (current: T | undefined) => T | undefined,
): Promise<{ readonly before: T | undefined; readonly after: T } | undefined> {
  const current = await views.get<T>(collection, id);
  if (alreadyApplied(current, event)) return undefined;
  const next = change(current);
  if (next === undefined) return undefined;
  const after = { ...next, revisions: { ...current?.revisions, [event.streamId]: event.streamRevision } };
  views.put(collection, id, after);
  return { before: current, after };
}
