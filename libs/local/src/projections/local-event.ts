import type { EventEnvelope, SpiralEvent, TeamEvent } from '@spiral/event-catalogue';

/** Every event the local views read: a spiral's stream and a team's stream. */
export type LocalEvent = SpiralEvent | TeamEvent;
export type LocalEventType = LocalEvent['type'];

/**
 * The stored event as its catalogue type, so a switch on `type` narrows `data`. Stored events passed
 * their schema on append and are read as the current schema version, as foldHistory relies on too.
 */
export function localEventOf(envelope: EventEnvelope): LocalEvent {
  return { type: envelope.type, data: envelope.data } as LocalEvent;
}

/** A projection's `eventTypes`, checked against the catalogue's names. */
export function localEventTypes(...types: readonly LocalEventType[]): ReadonlySet<string> {
  return new Set<string>(types);
}

/** The date part of an ISO date-time: assessments and adoptions are dated by their occurredAt. */
export function dateOf(occurredAt: string): string {
  return occurredAt.slice(0, 10);
}
