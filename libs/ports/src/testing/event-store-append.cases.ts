import { WrongExpectedRevision } from '../port-errors';
import type { EventStoreHarness, HarnessOf } from './harness';
import { appendFresh, ids, pendingEvent, pendingEvents, rejectionOf, uniqueStreamId } from './fixtures';

const ENVELOPE_FIELDS = [
  'actor', 'causationId', 'correlationId', 'data', 'eventId', 'globalPosition', 'hash', 'occurredAt',
  'previousHash', 'recordedAt', 'schemaVersion', 'streamId', 'streamRevision', 'type',
].sort();
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function appendCases(harness: HarnessOf<EventStoreHarness>): void {
  it('appends to a new stream with no_stream and numbers revisions from 0 without gaps', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    const first = await store.append(streamId, pendingEvents(3), 'no_stream');
    expect(first).toMatchObject({ streamId, revision: 2, duplicate: false });
    expect(first.events.map((event) => event.streamRevision)).toEqual([0, 1, 2]);
    const second = await store.append(streamId, pendingEvents(2), 2);
    expect(second.revision).toBe(4);
    expect(second.globalPosition).toBe(second.events[1]?.globalPosition);
    expect((await store.readStream(streamId)).map((event) => event.streamRevision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads a stream back in order with every envelope field', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    const pending = [pendingEvent(), pendingEvent({ type: 'NeedRecognised', schemaVersion: 2 }), pendingEvent()];
    const appended = await store.append(streamId, pending, 'no_stream');
    const stream = await store.readStream(streamId);
    expect(stream).toEqual(appended.events);
    stream.forEach((event, index) => {
      expect(Object.keys(event).sort()).toEqual(ENVELOPE_FIELDS);
      expect(event).toMatchObject({ ...pending[index], streamId, streamRevision: index });
      expect(event.recordedAt).toMatch(ISO_INSTANT);
      expect(typeof event.hash).toBe('string');
      if (index > 0) expect(event.globalPosition).toBeGreaterThan(stream[index - 1]?.globalPosition ?? Infinity);
    });
  });

  it('reads an empty stream when it does not exist, and keeps streams apart', async () => {
    const { store } = harness();
    expect(await store.readStream(uniqueStreamId())).toEqual([]);
    const [a, b] = [uniqueStreamId(), uniqueStreamId()];
    const inA = await appendFresh(store, a, 2, 'no_stream');
    const inB = await appendFresh(store, b, 1, 'no_stream');
    expect(ids(await store.readStream(a))).toEqual(ids(inA));
    expect(await store.readStream(b)).toEqual(inB);
    expect(inB[0]?.streamRevision).toBe(0);
  });

  it('refuses a stale or future revision number', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    await appendFresh(store, streamId, 2, 'no_stream');
    for (const expected of [0, 5]) {
      const error = await rejectionOf(store.append(streamId, pendingEvents(1), expected));
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect(error).toMatchObject({ streamId, expected, actual: 1 });
    }
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('refuses no_stream for a stream that exists', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    await appendFresh(store, streamId, 1, 'no_stream');
    const error = await rejectionOf(store.append(streamId, pendingEvents(1), 'no_stream'));
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect(error).toMatchObject({ expected: 'no_stream', actual: 0 });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('refuses a revision number for a stream that does not exist', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    const error = await rejectionOf(store.append(streamId, pendingEvents(1), 0));
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect(error).toMatchObject({ expected: 0, actual: 'no_stream' });
    expect(await store.readStream(streamId)).toEqual([]);
  });

  it('appends with any to a new stream and to an existing one', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    expect((await store.append(streamId, pendingEvents(2), 'any')).revision).toBe(1);
    expect((await store.append(streamId, pendingEvents(1), 'any')).revision).toBe(2);
  });

  it('stores nothing of a batch that fails part-way', async () => {
    const { store } = harness();
    const streamId = uniqueStreamId();
    const head = await store.headPosition();
    // The third event repeats the second's id, so the batch cannot be stored whole.
    const [first, second] = pendingEvents(2);
    const batch = [first, second, pendingEvent({ eventId: second?.eventId })].filter((event) => event !== undefined);
    expect(await rejectionOf(store.append(streamId, batch, 'no_stream'))).toBeDefined();
    expect(await store.readStream(streamId)).toEqual([]);
    expect(await store.headPosition()).toBe(head);
    // Nothing half-stored blocks a clean append of the same first events.
    expect((await store.append(streamId, batch.slice(0, 2), 'no_stream')).duplicate).toBe(false);
  });
}
