import type { EventEnvelope } from '@spiral/event-catalogue';
import { firstValueFrom, take, timeout, toArray } from 'rxjs';
import type { EventStore } from '../event-store.port';
import type { EventStoreHarness, HarnessOf } from './harness';
import { appendFresh, ids, uniqueStreamId } from './fixtures';

// Under jest's default 5 s test timeout, so a stuck subscription fails with its own message.
const SUBSCRIPTION_TIMEOUT_MS = 4_000;

function firstEvents(store: EventStore, after: number, count: number): Promise<EventEnvelope[]> {
  return firstValueFrom(store.subscribeToAll(after).pipe(take(count), timeout(SUBSCRIPTION_TIMEOUT_MS), toArray()));
}

/** Appends `batches` batches of `size`, yielding to the event loop between them so readers interleave. */
async function appendInTurns(store: EventStore, batches: number, size: number): Promise<EventEnvelope[]> {
  const streams = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
  const stored: EventEnvelope[] = [];
  for (let batch = 0; batch < batches; batch++) {
    stored.push(...(await appendFresh(store, streams[batch % streams.length] ?? '', size)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return stored;
}

export function subscribeCases(harness: HarnessOf<EventStoreHarness>): void {
  it('delivers past events, then live ones, in order, each once', async () => {
    const { store } = harness();
    const start = await store.headPosition();
    const past = await appendInTurns(store, 4, 5);
    const received = firstEvents(store, start, 40);
    const live = await appendInTurns(store, 4, 5);
    expect(await received).toEqual([...past, ...live]);
  });

  it('hands over from catch-up to live without gaps or duplicates while writers keep appending', async () => {
    const { store } = harness();
    const start = await store.headPosition();
    const past = await appendInTurns(store, 30, 10);
    const received = firstEvents(store, start, 400);
    const during = await appendInTurns(store, 10, 10);
    expect(ids(await received)).toEqual(ids([...past, ...during]));
  });

  it('starts after the given position', async () => {
    const { store } = harness();
    const stored = await appendInTurns(store, 2, 5);
    const after = stored[4]?.globalPosition ?? NaN;
    expect(ids(await firstEvents(store, after, 5))).toEqual(ids(stored.slice(5)));
  });

  it('serves several subscribers the same sequence', async () => {
    const { store } = harness();
    const start = await store.headPosition();
    const first = firstEvents(store, start, 30);
    const second = firstEvents(store, start, 30);
    const stored = await appendInTurns(store, 6, 5);
    expect(ids(await first)).toEqual(ids(stored));
    expect(ids(await second)).toEqual(ids(stored));
  });
}
