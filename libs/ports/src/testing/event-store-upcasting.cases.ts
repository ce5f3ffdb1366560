import { computeEventHash, eventDefinitionOf, type EventEnvelope, type FieldTestConcludedDataV1 } from '@spiral/event-catalogue';
import { filter, firstValueFrom, timeout } from 'rxjs';
import type { EventStoreHarness, HarnessOf } from './harness';
import { collect, pendingEvent, uniqueStreamId } from './fixtures';

/** A FieldTestConcluded as schema v1 wrote it, before v2 named the effect size's scale. */
const V1_CONCLUSION: FieldTestConcludedDataV1 = {
  fieldTestId: 'ft-contract',
  practiceId: 'practice-contract',
  verdict: 'effective',
  effectSize: -0.8,
  summary: 'Written before effect sizes named their scale.',
};

async function storeV1(harness: HarnessOf<EventStoreHarness>): Promise<{ streamId: string; start: number }> {
  const { store } = harness();
  const streamId = uniqueStreamId('fieldtest');
  const start = await store.headPosition();
  await store.append(streamId, [pendingEvent({ type: 'FieldTestConcluded', schemaVersion: 1, data: V1_CONCLUSION })], 'no_stream');
  return { streamId, start };
}

function expectCurrent(event: EventEnvelope | undefined): void {
  expect(event?.schemaVersion).toBe(eventDefinitionOf('FieldTestConcluded')?.schemaVersion);
  expect(event?.data).toEqual({ ...V1_CONCLUSION, effectScale: 'protocol' });
}

/** Old schema versions read as the current one on every read path; auditors can still read them as stored. */
export function upcastingCases(harness: HarnessOf<EventStoreHarness>): void {
  it('reads an event stored at an older schema version as the current version, in its stream and in $all', async () => {
    const { streamId, start } = await storeV1(harness);
    const { store } = harness();
    expectCurrent((await store.readStream(streamId))[0]);
    expectCurrent((await collect(store.readAll({ after: start }))).find((event) => event.streamId === streamId));
  });

  it('delivers an older schema version as the current version to subscribers', async () => {
    const { streamId, start } = await storeV1(harness);
    const delivered = harness().store.subscribeToAll(start).pipe(
      filter((event) => event.streamId === streamId),
      timeout(4_000),
    );
    expectCurrent(await firstValueFrom(delivered));
  });

  it('reads it exactly as stored, hash intact, when asked for the stored form', async () => {
    const { streamId, start } = await storeV1(harness);
    const stored = (await collect(harness().store.readAll({ after: start, asStored: true }))).find((event) => event.streamId === streamId);
    expect(stored?.schemaVersion).toBe(1);
    expect(stored?.data).toEqual(V1_CONCLUSION);
    expect(stored && computeEventHash(stored)).toBe(stored?.hash);
  });
}
