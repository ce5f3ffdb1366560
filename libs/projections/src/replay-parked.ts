import type { Clock, ViewStore } from '@spiral/ports';
import { BatchViewSession } from './batch-view-session';
import { describeFailure, parkedEventsOf, type ParkedEvent } from './parked-events';
import { storedCollection, type Projection } from './projection';

/** What a replay of parked events did: the ids applied (and removed from the dead letters) and those still failing. */
export interface ParkedReplay {
  readonly replayed: readonly string[];
  readonly stillFailing: readonly { readonly eventId: string; readonly error: string }[];
}

/** The dead letters of a projection's generation, oldest first. */
export function parkedEventsIn(views: ViewStore, projection: Projection): Promise<ParkedEvent[]> {
  return views.find<ParkedEvent>(storedCollection(projection, parkedEventsOf(projection)), {}, { sortBy: 'globalPosition' });
}

/**
 * Applies parked events again, oldest first, each in a commit of its own with its dead letter
 * removed, so one still failing keeps its letter (with the new error) and blocks no other. The
 * checkpoint is not moved: it already stands past every parked event. A parked event is applied
 * after later events of its stream; a projection whose views depend on that order is rebuilt instead.
 */
export async function replayParkedEvents(
  projection: Projection,
  views: ViewStore,
  key: string,
  clock: Clock,
  eventIds?: readonly string[],
): Promise<ParkedReplay> {
  const wanted = eventIds === undefined ? undefined : new Set(eventIds);
  const collection = parkedEventsOf(projection);
  const replayed: string[] = [];
  const stillFailing: { eventId: string; error: string }[] = [];
  for (const parked of await parkedEventsIn(views, projection)) {
    if (wanted !== undefined && !wanted.has(parked.eventId)) continue;
    const session = new BatchViewSession(views, projection);
    try {
      await projection.apply(parked.event, session);
      session.delete(collection, parked.eventId);
      replayed.push(parked.eventId);
    } catch (error) {
      const retried = new BatchViewSession(views, projection);
      retried.put(collection, parked.eventId, { ...parked, error: describeFailure(error), attempts: parked.attempts + 1, parkedAt: clock.now() });
      stillFailing.push({ eventId: parked.eventId, error: describeFailure(error) });
      await views.commit(key, retried.changes(), await views.checkpoint(key));
      continue;
    }
    await views.commit(key, session.changes(), await views.checkpoint(key));
  }
  return { replayed, stillFailing };
}
