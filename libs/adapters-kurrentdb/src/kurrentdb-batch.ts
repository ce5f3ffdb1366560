import { chainEvents, type ChainedEvent, type EventEnvelope, type PendingEvent } from '@spiral/event-catalogue';
import { PartialDuplicateAppend } from '@spiral/ports';

export type { ChainedEvent };

// KurrentDB event ids are UUIDs, and the server hands them back in this canonical lower-case form;
// anything else would not compare equal on a retry, so it is refused up front.
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Refuses, before anything is written, a batch the store could not hold whole. */
export function validateBatch(streamId: string, events: readonly PendingEvent[]): void {
  if (events.length === 0) throw new RangeError(`append to ${streamId} needs at least one event`);
  if (streamId.startsWith('$')) throw new RangeError(`stream ${streamId} is a KurrentDB system stream name`);
  const seen = new Set<string>();
  for (const { eventId } of events) {
    if (!CANONICAL_UUID.test(eventId)) throw new RangeError(`event id ${eventId} is not a lower-case UUID, as KurrentDB needs`);
    if (seen.has(eventId)) throw new RangeError(`event id ${eventId} appears twice in one batch to ${streamId}`);
    seen.add(eventId);
  }
}

/**
 * The stored events a batch repeats: all of them (a retry, answered with what is stored, in stream
 * order), none, or some (PartialDuplicateAppend).
 */
export function storedRepeats(streamId: string, stream: readonly EventEnvelope[], events: readonly PendingEvent[]): EventEnvelope[] {
  const ids = new Set(events.map((event) => event.eventId));
  const repeats = stream.filter((event) => ids.has(event.eventId));
  if (repeats.length > 0 && repeats.length < ids.size) throw new PartialDuplicateAppend(streamId);
  return repeats;
}

/** Sealed as every adapter seals its appends (see chainEvents in the catalogue). */
export const chainBatch = chainEvents;
