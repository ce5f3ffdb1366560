import { computeEventHash, type EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore } from '../event-store.port';
import type { EventStoreHarness, HarnessOf } from './harness';
import { appendFresh, collect, ids, pendingEvents, uniqueStreamId } from './fixtures';

export function hashChainCases(harness: HarnessOf<EventStoreHarness>): void {
  it('chains each event to the previous one of its stream, across appends', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    await appendFresh(store, streamId, 1, 'no_stream');
    await appendFresh(store, streamId, 3, 0);
    await appendFresh(store, streamId, 2, 3);
    const stream = await store.readStream(streamId);
    expect(stream[0]?.previousHash).toBeNull();
    stream.forEach((event, index) => {
      expect(event.hash).toBe(computeEventHash(event));
      if (index > 0) expect(event.previousHash).toBe(stream[index - 1]?.hash);
    });
  });

  it("starts every stream's chain afresh", async () => {
    const { store } = harness();
    await appendFresh(store, uniqueStreamId(), 2, 'no_stream');
    const [first] = await appendFresh(store, uniqueStreamId(), 1, 'no_stream');
    expect(first?.previousHash).toBeNull();
  });
}

/** 250 events, in 25 appends of 10 taking turns over 5 streams, in the order they were stored. */
async function appendMany(store: EventStore): Promise<EventEnvelope[]> {
  const streams = Array.from({ length: 5 }, () => uniqueStreamId());
  const stored: EventEnvelope[] = [];
  for (let round = 0; round < 25; round++) {
    stored.push(...(await appendFresh(store, streams[round % 5] ?? '', 10)));
  }
  return stored;
}

export function readAllCases(harness: HarnessOf<EventStoreHarness>): void {
  it('reads every event in global order across streams, whatever the page size', async () => {
    const { store } = harness();
    const start = await store.headPosition();
    const stored = await appendMany(store);
    for (const pageSize of [50, 7, 1_000]) {
      const read = await collect(store.readAll({ after: start, pageSize }));
      expect(read).toEqual(stored);
    }
    const positions = stored.map((event) => event.globalPosition);
    positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index] ?? Infinity));
  });

  it('reads after a position (exclusive) and up to a position (inclusive)', async () => {
    const { store } = harness();
    const start = await store.headPosition();
    const stored = await appendMany(store);
    const at = (index: number): number => stored[index]?.globalPosition ?? NaN;
    expect(ids(await collect(store.readAll({ after: at(99), pageSize: 50 })))).toEqual(ids(stored.slice(100)));
    expect(ids(await collect(store.readAll({ after: start, upTo: at(99), pageSize: 50 })))).toEqual(
      ids(stored.slice(0, 100)),
    );
    expect(ids(await collect(store.readAll({ after: at(49), upTo: at(149), pageSize: 30 })))).toEqual(
      ids(stored.slice(50, 150)),
    );
    expect(await collect(store.readAll({ after: at(249) }))).toEqual([]);
  });

  it('reports the head position as the newest event', async () => {
    const { store } = harness();
    const before = await store.headPosition();
    expect(before).toBeGreaterThanOrEqual(0);
    const result = await store.append(uniqueStreamId(), pendingEvents(3), 'no_stream');
    expect(await store.headPosition()).toBe(result.globalPosition);
    expect(result.globalPosition).toBeGreaterThan(before);
  });
}
