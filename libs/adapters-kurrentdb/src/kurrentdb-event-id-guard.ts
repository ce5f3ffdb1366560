import { jsonEvent, NO_STREAM, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventIdInUse } from '@spiral/ports';
import { v5 as uuidV5 } from 'uuid';
import { isWrongExpectedVersion } from './kurrentdb-expected-revision';

/** Streams holding one reservation each; readAll, subscriptions and headPosition leave them out. */
export const EVENT_ID_STREAM_PREFIX = 'eventid-';
const RESERVATION_TYPE = 'EventIdReserved';
// A fixed namespace for the reservations' own event ids (UUIDv5, RFC 9562 §5.5).
const RESERVATION_NAMESPACE = '5b0f6f0e-2c1a-4d7e-9a53-2f4c8e1d7b60';

/**
 * KurrentDB deduplicates event ids only within a stream, so the port's EventIdInUse (an id stored
 * in another stream) needs a guard of our own. Before an append, each event id is reserved by
 * appending one event to `eventid-<id>` with expected state NO_STREAM: the server lets exactly one
 * reservation of an id win, whoever races. A reservation held for the same stream lets the append
 * go on (a retry); one held for another stream refuses it.
 *
 * What it does not guarantee: reservation and append are two writes, not one transaction. When
 * the append then fails (a conflict, a crash), the reservation stays: the id stays bound to the
 * stream it was meant for, and using it for another stream later is refused, `storedIn` naming
 * the stream that reserved it though the event may not be there. Events written without this
 * adapter (or before it reserved ids) are not guarded.
 */
export class EventIdGuard {
  constructor(private readonly client: KurrentDBClient) {}

  async reserve(streamId: string, eventIds: readonly string[]): Promise<void> {
    await Promise.all(eventIds.map((eventId) => this.reserveOne(streamId, eventId)));
  }

  private async reserveOne(streamId: string, eventId: string): Promise<void> {
    // Derived from both ids, so a retried reservation for the same stream is deduplicated by the
    // server (same id at the same expected position), and one for another stream is not.
    const id = uuidV5(`${streamId}\n${eventId}`, RESERVATION_NAMESPACE);
    const reservation = jsonEvent({ id, type: RESERVATION_TYPE, data: { streamId, eventId } });
    try {
      await this.client.appendToStream(reservationStream(eventId), reservation, { streamState: NO_STREAM });
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
      const holder = await this.holderOf(eventId);
      if (holder !== streamId) throw new EventIdInUse(streamId, eventId, holder);
    }
  }

  private async holderOf(eventId: string): Promise<string | undefined> {
    for await (const resolved of this.client.readStream(reservationStream(eventId), { maxCount: 1 })) {
      const data = resolved.event?.data;
      if (typeof data === 'object' && data !== null && 'streamId' in data && typeof data.streamId === 'string') return data.streamId;
    }
    return undefined;
  }
}

export function reservationStream(eventId: string): string {
  return `${EVENT_ID_STREAM_PREFIX}${eventId}`;
}
