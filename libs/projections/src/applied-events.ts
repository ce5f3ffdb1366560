import type { EventEnvelope } from '@spiral/event-catalogue';
import type { FeedOrdering, ViewStore } from '@spiral/ports';
import { storedCollection, type Projection, type ViewSession } from './projection';
import { MISS, type ViewDocumentCache } from './view-document-cache';

/**
 * Per stream, the last revision a projection applied; committed with the views it produced. One
 * collection per projection: shared, one projection's progress would make another skip events.
 * Streams share a fixed number of documents by a hash of their id: one document per stream cost a
 * read and a write per stream per batch, the projector's main cost on a MongoDB-wire store (a
 * batch of 500 new streams: 500 round trips to read and as many documents to write, per projection).
 */
export function appliedRevisionsOf(projection: Pick<Projection, 'name'>): string {
  return `applied_revisions__${projection.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Documents the streams' applied revisions are spread over: few enough to stay cached, small enough to rewrite. */
export const APPLIED_REVISION_BUCKETS = 64;

type AppliedRevisions = { revisions: Record<string, number> };

/**
 * What of a batch is new to the projection. On a globally ordered feed the checkpoint position
 * says it all. On a feed ordered only per stream (Kafka), batches of different partitions
 * interleave, so a position says nothing about other streams: each stream's applied revision is
 * kept beside the views and an event at or below it is a redelivery. Only events of the types the
 * projection applies are kept so: one it ignores changes nothing however often it comes, so it is
 * passed as new (its position still carries the checkpoint on), and a batch of them writes no
 * revision document (the national projections ignore most local events, and rewriting some sixty
 * of those documents per batch each kept FerretDB's writes busy: the lag at 200 events/s).
 */
export async function unappliedEvents(
  batch: readonly EventEnvelope[],
  ordering: FeedOrdering,
  checkpoint: number,
  views: ViewSession,
  collection: string,
  applied: ReadonlySet<string>,
): Promise<EventEnvelope[]> {
  if (ordering === 'global') return batch.filter((event) => event.globalPosition > checkpoint);
  const buckets = new Map<string, Record<string, number>>();
  const fresh: EventEnvelope[] = [];
  for (const event of batch) {
    if (!applied.has(event.type)) {
      fresh.push(event);
      continue;
    }
    const bucket = bucketOf(event.streamId);
    let revisions = buckets.get(bucket);
    if (revisions === undefined) {
      revisions = { ...(await views.get<AppliedRevisions>(collection, bucket))?.revisions };
      buckets.set(bucket, revisions);
    }
    if (event.streamRevision > (Object.hasOwn(revisions, event.streamId) ? (revisions[event.streamId] as number) : -1)) {
      fresh.push(event);
      revisions[event.streamId] = event.streamRevision;
    }
  }
  for (const [bucket, revisions] of buckets) views.put(collection, bucket, { revisions });
  return fresh;
}

/**
 * Reads the revision documents a batch will look at (those the cache lacks) in one query into the
 * cache, before unappliedEvents reads them one at a time: a projector's first batch, or its first
 * after another member's turn, read its 64 one by one, a second of its time on FerretDB (profiled).
 */
export async function readAheadRevisions(
  projection: Pick<Projection, 'name' | 'version' | 'eventTypes'>,
  batch: readonly EventEnvelope[],
  ordering: FeedOrdering,
  store: ViewStore,
  cache: ViewDocumentCache,
): Promise<void> {
  const getMany = store.getMany?.bind(store);
  if (ordering === 'global' || getMany === undefined) return;
  const collection = storedCollection(projection, appliedRevisionsOf(projection));
  const buckets = new Set(batch.filter((event) => projection.eventTypes.has(event.type)).map((event) => bucketOf(event.streamId)));
  const missing = [...buckets].filter((bucket) => cache.lookup(collection, bucket) === MISS);
  if (missing.length === 0) return;
  const found = await getMany(collection, missing);
  for (const bucket of missing) cache.remember(collection, bucket, found.get(bucket));
}

/** FNV-1a over the stream id's UTF-16 units: stable across processes and versions. */
function bucketOf(streamId: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < streamId.length; index += 1) hash = Math.imul(hash ^ streamId.charCodeAt(index), 0x01000193) >>> 0;
  return `bucket-${hash % APPLIED_REVISION_BUCKETS}`;
}
