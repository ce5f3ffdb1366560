import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EventFeedHarness, FeedCaseContext } from './harness';
import { expectOrdered, FeedRecorder, sameEvents } from './event-feed-recorder';
import { ids, pendingEvents, sleep, uniqueName, uniqueStreamId, waitFor } from './fixtures';

/** Appends to the store and publishes what was stored, as the relay would. */
async function appendAndPublish(harness: EventFeedHarness, streamId: string, count: number): Promise<EventEnvelope[]> {
  const { events } = await harness.store.append(streamId, pendingEvents(count), 'any');
  await harness.feed.publish(events);
  return [...events];
}

async function appendInTurns(harness: EventFeedHarness, streams: readonly string[], batches: number, size: number) {
  const stored: EventEnvelope[] = [];
  for (let batch = 0; batch < batches; batch++) {
    stored.push(...(await appendAndPublish(harness, streams[batch % streams.length] ?? '', size)));
  }
  return stored;
}

export function deliveryCases({ harness, ordering, deliveryTimeoutMs }: FeedCaseContext): void {
  const handledAll = (recorder: FeedRecorder, expected: readonly EventEnvelope[]) =>
    waitFor(`${expected.length} events handled`, () => recorder.handled().length >= expected.length, deliveryTimeoutMs);

  it('delivers every event after the position, in order, in batches no larger than asked', async () => {
    const h = harness();
    const streams = [uniqueStreamId(), uniqueStreamId()];
    const early = await appendAndPublish(h, streams[0] ?? '', 5);
    const recorder = new FeedRecorder(new Set(streams));
    const after = early[2]?.globalPosition ?? NaN;
    const subscription = await h.feed.consume({ group: uniqueName('group'), after, handle: recorder.handle, maxBatchSize: 4 });
    const late = await appendInTurns(h, streams, 6, 3);
    const expected = [...early.slice(3), ...late];
    await handledAll(recorder, expected);
    await subscription.stop();

    expect(sameEvents(recorder.handled())).toEqual(sameEvents(expected));
    expectOrdered(recorder.handled(), ordering);
    if (ordering === 'global') expect(ids(recorder.handled())).toEqual(ids(expected));
    for (const batch of recorder.attempts) {
      expect(batch.length).toBeGreaterThan(0);
      expect(batch.length).toBeLessThanOrEqual(4);
      for (const event of batch) expect(event.globalPosition).toBeGreaterThan(after);
    }
  });

  it('delivers the events of a failed batch again before later ones of their streams', async () => {
    const h = harness();
    const streams = [uniqueStreamId(), uniqueStreamId()];
    const start = await h.store.headPosition();
    const stored = await appendInTurns(h, streams, 5, 2);
    const target = stored[4]?.eventId;
    let failures = 0;
    const failing = (batch: readonly EventEnvelope[]) => batch.some((event) => event.eventId === target) && failures++ < 2;
    const recorder = new FeedRecorder(new Set(streams), failing);
    const subscription = await h.feed.consume({ group: uniqueName('group'), after: start, handle: recorder.handle, maxBatchSize: 3 });
    await handledAll(recorder, stored);
    await subscription.stop();

    expect(failures).toBeGreaterThanOrEqual(2);
    const failed = recorder.attempts.find((batch) => batch.some((event) => event.eventId === target)) ?? [];
    const handledIds = new Set(ids(recorder.handled()));
    for (const event of failed) expect(handledIds.has(event.eventId)).toBe(true);
    expect(sameEvents(recorder.handled())).toEqual(sameEvents(stored));
    expectOrdered(recorder.handled(), ordering);
  });

  it('gives each group every event', async () => {
    const h = harness();
    const streams = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
    const start = await h.store.headPosition();
    const [local, national] = [new FeedRecorder(new Set(streams)), new FeedRecorder(new Set(streams))];
    const subscriptions = await Promise.all([
      h.feed.consume({ group: uniqueName('local'), after: start, handle: local.handle, maxBatchSize: 5 }),
      h.feed.consume({ group: uniqueName('national'), after: start, handle: national.handle }),
    ]);
    const stored = await appendInTurns(h, streams, 6, 4);
    await handledAll(local, stored);
    await handledAll(national, stored);
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    expect(sameEvents(local.handled())).toEqual(sameEvents(stored));
    expect(sameEvents(national.handled())).toEqual(sameEvents(stored));
  });

  it('accepts published events, an empty list included, and reports itself healthy', async () => {
    const h = harness();
    const { events } = await h.store.append(uniqueStreamId(), pendingEvents(2), 'no_stream');
    await expect(h.feed.publish(events)).resolves.toBeUndefined();
    await expect(h.feed.publish([])).resolves.toBeUndefined();
    const health = await h.feed.health();
    expect(health.ok).toBe(true);
    expect(health.engine).toEqual(expect.any(String));
  });
}

export function stoppingCases({ harness, deliveryTimeoutMs }: FeedCaseContext): void {
  it('delivers nothing more once stopped', async () => {
    const h = harness();
    const streamId = uniqueStreamId();
    const recorder = new FeedRecorder(new Set([streamId]));
    const start = await h.store.headPosition();
    const subscription = await h.feed.consume({ group: uniqueName('group'), after: start, handle: recorder.handle });
    await appendAndPublish(h, streamId, 3);
    await waitFor('3 events handled', () => recorder.handled().length >= 3, deliveryTimeoutMs);
    await subscription.stop();
    const calls = recorder.attempts.length;
    await appendAndPublish(h, streamId, 3);
    await sleep(300);
    expect(recorder.attempts).toHaveLength(calls);
  });

  it('waits for the batch in flight when stopping', async () => {
    const h = harness();
    const streamId = uniqueStreamId();
    let started = false;
    let finished = false;
    const slow = async () => {
      started = true;
      await sleep(200);
      finished = true;
    };
    const recorder = new FeedRecorder(new Set([streamId]), () => false, slow);
    const start = await h.store.headPosition();
    const subscription = await h.feed.consume({ group: uniqueName('group'), after: start, handle: recorder.handle });
    await appendAndPublish(h, streamId, 1);
    await waitFor('a batch in flight', () => started, deliveryTimeoutMs);
    await subscription.stop();
    expect(finished).toBe(true);
  });
}
