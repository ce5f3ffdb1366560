import type { EventEnvelope } from '@spiral/event-catalogue';
import type { FeedOrdering } from '@spiral/ports';
import type { ViewSession } from './projection';

/** Per stream, the last revision a projection applied; committed with the views it produced. */
export const APPLIED_REVISIONS = 'applied_revisions';

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
): Promise<EventEnvelope[]> {
  if (ordering === 'global') return batch.filter((event) => event.globalPosition > checkpoint);
  const applied = new Map<string, number>();
  const fresh: EventEnvelope[] = [];
  for (const event of batch) {
    const last = applied.get(event.streamId) ?? (await views.get<{ revision: number }>(APPLIED_REVISIONS, event.streamId))?.revision ?? -1;
    if (event.streamRevision > last) {
      fresh.push(event);
      applied.set(event.streamId, event.streamRevision);
    } else {
      applied.set(event.streamId, last);
    }
  }
  for (const [streamId, revision] of applied) views.put(APPLIED_REVISIONS, streamId, { revision });
  return fresh;
}
