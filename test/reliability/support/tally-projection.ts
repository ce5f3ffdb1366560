import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Projection } from '@spiral/projections';
import type { ViewStore } from '@spiral/ports';
import { storedCollection } from '@spiral/projections';

/**
 * A projection that adds one per event to its stream's tally, with no guard of its own: every
 * event the runner lets through twice shows as one too many. The tallies' sum minus the events
 * stored is the number of events counted twice. `failOn` makes it throw on chosen event ids (a
 * poison event), after writing, as a bug would.
 */
export function tallyProjection(name: string, failOn: ReadonlySet<string> = new Set()): Projection {
  return {
    name,
    version: 1,
    collections: ['tallies'],
    eventTypes: new Set(['TeamRegistered', 'NeedRecognised', 'KnowledgePulled', 'OptionsAppraised', 'OptionAdopted', 'MeasurementRecorded', 'PracticeProposed', 'PracticePublished']),
    async apply(event: EventEnvelope, views) {
      const tally = await views.get<{ events: number }>('tallies', event.streamId);
      views.put('tallies', event.streamId, { streamId: event.streamId, events: (tally?.events ?? 0) + 1 });
      if (failOn.has(event.eventId)) throw new Error(`the tally cannot take ${event.type} ${event.eventId}`);
    },
  };
}

/** Events the tally holds, summed over its streams. */
export async function tallied(projection: Projection, views: ViewStore): Promise<number> {
  const tallies = await views.find<{ events: number }>(storedCollection(projection, 'tallies'));
  return tallies.reduce((sum, tally) => sum + tally.events, 0);
}
