import type { Actor, EventEnvelope, PendingEvent } from '@spiral/event-catalogue';
import { v7 as uuidV7 } from 'uuid';
import type { EventStore, ExpectedRevision } from '../event-store.port';

export const contractActor: Actor = { id: 'contract-user', role: 'local', org: 'RX1', region: 'Q01' };

/**
 * A pending event with a fresh UUIDv7 id. The payload is nested and varied on purpose, so adapters
 * that lose types, key order or unicode on the way to storage fail the suites.
 */
export function pendingEvent(overrides: Partial<PendingEvent> = {}): PendingEvent {
  const eventId = overrides.eventId ?? uuidV7();
  return {
    eventId,
    type: 'TeamRegistered',
    schemaVersion: 1,
    data: {
      name: 'Stroke unit – Ward 7 “North”',
      orgCode: 'RX1',
      shaCode: 'Q01',
      specialty: null,
      members: [{ id: 'm1', skills: ['pdsa', 'spc'] }, { id: 'm2', skills: [] }],
      baseline: { value: 42.5, unit: '%', higherIsBetter: true },
    },
    occurredAt: '2005-06-01T12:00:00.000Z',
    actor: contractActor,
    correlationId: eventId,
    causationId: eventId,
    ...overrides,
  };
}

export function pendingEvents(count: number, overrides: Partial<PendingEvent> = {}): PendingEvent[] {
  return Array.from({ length: count }, (_, index) => pendingEvent({ data: { index }, ...overrides }));
}

/** A name no other test (nor an earlier run on a shared engine) has used. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${uuidV7().replace(/-/g, '')}`;
}

export function uniqueStreamId(kind = 'contract'): string {
  return `${kind}-${uuidV7()}`;
}

/** Appends `count` fresh events and returns what the store assigned. */
export async function appendFresh(
  store: EventStore,
  streamId: string,
  count: number,
  expected: ExpectedRevision = 'any',
): Promise<EventEnvelope[]> {
  const result = await store.append(streamId, pendingEvents(count), expected);
  return [...result.events];
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/**
 * What a promise rejected with, or a failure if it resolved. Suites check refusals with this rather
 * than `rejects.toThrow()`: an engine's native error class may come from another jest realm
 * (better-sqlite3 keeps the SqliteError of the first test file that loaded it), and then fails
 * `instanceof Error` there.
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until the condition holds; fails with the description after the timeout. */
export async function waitFor(description: string, condition: () => boolean, timeoutMs = 4_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await sleep(10);
  }
}

export const ids = (events: readonly { eventId: string }[]): string[] => events.map((event) => event.eventId);
