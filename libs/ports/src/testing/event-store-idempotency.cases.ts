import { EventIdInUse, PartialDuplicateAppend, WrongExpectedRevision } from '../port-errors';
import type { ExpectedRevision } from '../event-store.port';
import type { EventStoreHarness, HarnessOf } from './harness';
import { appendFresh, ids, pendingEvent, pendingEvents, rejectionOf, uniqueStreamId } from './fixtures';

export function idempotencyCases(harness: HarnessOf<EventStoreHarness>): void {
  it('answers a retry of the same event ids with the stored events, whatever the expected revision', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    const batch = pendingEvents(3);
    const first = await store.append(streamId, batch, 'no_stream');
    const head = await store.headPosition();
    const expectations: ExpectedRevision[] = ['no_stream', 'any', 0, 2, 7];
    for (const expected of expectations) {
      const retry = await store.append(streamId, batch, expected);
      expect(retry).toEqual({ ...first, duplicate: true });
    }
    expect(await store.headPosition()).toBe(head);
    expect(await store.readStream(streamId)).toEqual(first.events);
  });

  it('answers a retry after the stream moved on, and the stored events win over the retried payload', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    const batch = pendingEvents(2);
    const first = await store.append(streamId, batch, 'no_stream');
    await appendFresh(store, streamId, 2, 1);
    const altered = batch.map((event) => ({ ...event, data: { altered: true } }));
    const retry = await store.append(streamId, altered, 1);
    expect(retry).toMatchObject({ duplicate: true, revision: 1, globalPosition: first.globalPosition });
    expect(retry.events).toEqual(first.events);
    expect(await store.readStream(streamId)).toHaveLength(4);
  });

  it('refuses a batch that mixes stored and new event ids, storing nothing', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    const stored = await appendFresh(store, streamId, 2, 'no_stream');
    const mixed = [pendingEvent({ eventId: stored[1]?.eventId }), pendingEvent()];
    const error = await rejectionOf(store.append(streamId, mixed, 'any'));
    expect(error).toBeInstanceOf(PartialDuplicateAppend);
    expect(ids(await store.readStream(streamId))).toEqual(ids(stored));
  });

  it('refuses an event id stored already in another stream, storing nothing', async () => {
    const { store } = harness();
    const [a, b] = [uniqueStreamId(), uniqueStreamId()];
    const [taken] = await appendFresh(store, a, 1, 'no_stream');
    const head = await store.headPosition();
    const batch = [pendingEvent(), pendingEvent({ eventId: taken?.eventId })];
    const error = await rejectionOf(store.append(b, batch, 'no_stream'));
    expect(error).toBeInstanceOf(EventIdInUse);
    expect(error).toMatchObject({ streamId: b, eventId: taken?.eventId });
    expect(await store.readStream(b)).toEqual([]);
    expect(await store.headPosition()).toBe(head);
  });
}

export function concurrencyCases(harness: HarnessOf<EventStoreHarness>): void {
  it('lets exactly one of ten writers expecting the same revision win', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    await appendFresh(store, streamId, 1, 'no_stream');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => store.append(streamId, pendingEvents(2), 0)),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevision);
    }
    expect((await store.readStream(streamId)).map((event) => event.streamRevision)).toEqual([0, 1, 2]);
  });

  it('lets exactly one of ten writers create a stream with no_stream', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => store.append(streamId, pendingEvents(1), 'no_stream')),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('keeps a stream gap-free and chained under ten concurrent writers with any', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    await Promise.all(Array.from({ length: 10 }, () => store.append(streamId, pendingEvents(2), 'any')));
    const stream = await store.readStream(streamId);
    expect(stream.map((event) => event.streamRevision)).toEqual(Array.from({ length: 20 }, (_, index) => index));
    stream.slice(1).forEach((event, index) => expect(event.previousHash).toBe(stream[index]?.hash));
  });

  it('gives each of many concurrent writers to many streams its own result', async () => {
    const { store } = harness();
    const streams = Array.from({ length: 40 }, () => uniqueStreamId());
    const results = await Promise.all(streams.map((streamId) => store.append(streamId, pendingEvents(2), 'no_stream')));
    results.forEach((result, index) => {
      expect(result).toMatchObject({ streamId: streams[index], revision: 1, duplicate: false });
      expect(result.events.map((event) => event.streamId)).toEqual([streams[index], streams[index]]);
    });
    const positions = results.flatMap((result) => result.events.map((event) => event.globalPosition));
    expect(new Set(positions).size).toBe(positions.length);
    for (const [index, streamId] of streams.entries()) expect(await store.readStream(streamId)).toEqual(results[index]?.events);
  });

  it('refuses one concurrent writer on a stale revision without failing the others', async () => {
    const { store } = harness();
    const [stale, fresh, other] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
    await appendFresh(store, stale, 2, 'no_stream');
    const outcomes = await Promise.allSettled([
      store.append(fresh, pendingEvents(1), 'no_stream'),
      store.append(stale, pendingEvents(1), 0),
      store.append(other, pendingEvents(3), 'any'),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]?.status === 'rejected' && outcomes[1].reason).toBeInstanceOf(WrongExpectedRevision);
    expect(await store.readStream(stale)).toHaveLength(2);
    expect(await store.readStream(fresh)).toHaveLength(1);
    expect(await store.readStream(other)).toHaveLength(3);
  });
}
