import type { PendingEvent } from '@spiral/event-catalogue';
import type { EventStore } from '@spiral/ports';
import { v7 as uuidV7 } from 'uuid';

const actor = { id: 'bench-user', role: 'local', org: 'B01-O01', region: 'B01' } as const;

/**
 * Appends in flight at once: as many clients as the raw ceiling's statement has rows (as the append
 * benchmark does for SQLite), so a full group and a raw statement carry as many events.
 */
export const APPENDERS = 500;

/** A team joining: starts a stream of its own, and the local and regional projections apply it. */
export function teamRegistered(index: number): PendingEvent {
  const eventId = uuidV7();
  const teamId = `bench-team-${eventId}`;
  return {
    eventId,
    type: 'TeamRegistered',
    schemaVersion: 1,
    data: { teamId, name: `Ward ${index}`, orgCode: `B01-O${String((index % 20) + 1).padStart(2, '0')}`, shaCode: 'B01' },
    occurredAt: '2005-06-01T12:00:00.000Z',
    actor,
    correlationId: eventId,
    causationId: eventId,
  };
}

/** `events` single-event appends to streams of their own, APPENDERS at a time: events/s. */
export async function appendConcurrently(store: EventStore, events: number, round: string): Promise<number> {
  let next = 0;
  const started = performance.now();
  const appender = async () => {
    for (let index = next++; index < events; index = next++) await store.append(`team-${round}-${index}`, [teamRegistered(index)], 'no_stream');
  };
  await Promise.all(Array.from({ length: APPENDERS }, appender));
  return events / ((performance.now() - started) / 1000);
}
