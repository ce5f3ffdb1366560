import type { EventEnvelope } from '@spiral/event-catalogue';
import type { FeedOrdering } from '@spiral/ports';
import type { Projection, ViewSession } from './projection';

/**
 * Per stream, the last revision a projection applied; committed with the views it produced. One
 * collection per projection: shared, one projection's progress would make another skip events.
 */
export function appliedRevisionsOf(projection: Pick<Projection, 'name'>): string {
  return `applied_revisions__${projection.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * What of a batch is new to the projection. On a globally ordered feed the checkpoint position
 * says it all. On a feed ordered only per stream (Kafka), batches of different partitions
 * interleave, so a position says nothing about other streams: each stream's applied revision is
 * kept beside the views and an event at or below it is a redelivery.
 */
export async function unappliedEvents(
  batch: readonly EventEnvelope[],
  ordering: FeedOrdering,
  checkpoint: number,
  views: ViewSession,
  collection: string,
): Promise<EventEnvelope[]> {
  if (ordering === 'global') return batch.filter((event) => event.globalPosition > checkpoint);
  const applied = new Map<string, number>();
  const fresh: EventEnvelope[] = [];
  for (const event of batch) {
    const last = applied.get(event.streamId) ?? (await views.get<{ revision: number }>(collection, event.streamId))?.revision ?? -1;
    if (event.streamRevision > last) {
      fresh.push(event);
      applied.set(event.streamId, event.streamRevision);
    } else {
      applied.set(event.streamId, last);
    }
  }
  for (const [streamId, revision] of applied) views.put(collection, streamId, { revision });
  return fresh;
}
