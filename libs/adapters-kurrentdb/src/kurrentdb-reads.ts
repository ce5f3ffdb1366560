import {
  BACKWARDS,
  END,
  START,
  StreamNotFoundError,
  eventTypeFilter,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type KurrentDBClient,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { NotASpiralEvent, numberToPosition, positionToNumber, recordedToEnvelope } from './kurrentdb-envelope';
import type { Positioned } from './resubscribing-feed';

/**
 * $all without system events ('$'-typed: stats, settings, metadata, the links of system
 * projections), filtered on the server with the client's own documented filter. The event-id
 * reservations (`eventid-` streams) pass it and are skipped here, as they carry no envelope: a
 * stream-name filter with a negative lookahead would spare that traffic, but whether every client
 * path hands such a regex to the server untouched could not be checked without a server.
 */
export function spiralEventsFilter() {
  return excludeSystemEvents();
}

/**
 * Only the given event types, matched whole by a server-side regex (which leaves system events
 * out as well, as their types start with '$'); every other read uses spiralEventsFilter.
 */
export function eventTypesFilter(types: readonly string[]) {
  const escaped = types.map((type) => type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return eventTypeFilter({ regex: `^(${escaped.join('|')})$` });
}

/** Where a read of $all starts: the client's START for 0, else the position itself (inclusive). */
export function readPositionAfter(after: number) {
  return after <= 0 ? START : numberToPosition(after);
}

/** One event of $all as a position and, when it carries Spiral's envelope, the envelope. */
export function positioned(resolved: AllStreamResolvedEvent): Positioned {
  const event = resolved.event;
  if (event === undefined) throw new Error('KurrentDB sent an $all event without its record');
  const position = positionToNumber(event.position.commit, event.id);
  try {
    return { position, envelope: recordedToEnvelope({ ...event, commitPosition: event.position.commit }) };
  } catch (error) {
    // Another application's event on a shared server is passed over, not delivered.
    if (error instanceof NotASpiralEvent) return { position, envelope: undefined };
    throw error;
  }
}

/** A stream's events in revision order from a revision on; empty when the stream does not exist. */
export async function readStreamFrom(client: KurrentDBClient, streamId: string, fromRevision = 0, maxCount?: number): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  try {
    const reads = client.readStream(streamId, { fromRevision: fromRevision === 0 ? START : BigInt(fromRevision), ...(maxCount ? { maxCount } : {}) });
    for await (const resolved of reads) events.push(streamEnvelope(streamId, resolved));
  } catch (error) {
    if (isStreamNotFound(error)) return [];
    throw error;
  }
  return events;
}

function streamEnvelope(streamId: string, resolved: ResolvedEvent): EventEnvelope {
  const event = resolved.event;
  if (event === undefined) throw new Error(`KurrentDB sent an event of ${streamId} without its record`);
  return recordedToEnvelope({ ...event, commitPosition: event.position?.commit });
}

/** The newest Spiral event's position, 0 when there is none. */
export async function headPositionOf(client: KurrentDBClient): Promise<number> {
  for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, filter: spiralEventsFilter() })) {
    const { position, envelope } = positioned(resolved);
    if (envelope !== undefined) return position;
  }
  return 0;
}

function isStreamNotFound(error: unknown): boolean {
  if (error instanceof StreamNotFoundError) return true;
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'stream-not-found';
}
