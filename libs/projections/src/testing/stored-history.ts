import { SqliteEventStore } from '@spiral/adapters-embedded';
import type { EventEnvelope } from '@spiral/event-catalogue';

/**
 * An in-memory store holding a built history, appended in its global order as commands would
 * append it, so what is read back carries the store's own positions, times and hashes.
 */
export async function storeHolding(history: readonly EventEnvelope[]): Promise<SqliteEventStore> {
  const store = await SqliteEventStore.openFile(':memory:');
  for (const { streamId, streamRevision, globalPosition: _position, recordedAt: _recorded, previousHash: _previous, hash: _hash, ...pending } of history) {
    await store.append(streamId, [pending], streamRevision === 0 ? 'no_stream' : streamRevision - 1);
  }
  return store;
}

/** Every event of the store, in global order. */
export async function storedEvents(store: SqliteEventStore): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  for await (const event of store.readAll({})) events.push(event);
  return events;
}
