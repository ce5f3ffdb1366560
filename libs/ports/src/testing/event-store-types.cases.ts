import type { EventStoreHarness, HarnessOf } from './harness';
import { collect, ids, pendingEvent, uniqueStreamId } from './fixtures';

/** readAll({ types }): the engine leaves out every other type, and the order and bounds still hold. */
export function typeFilterCases(harness: HarnessOf<EventStoreHarness>): void {
  it('reads only the given types, in global order, within after and upTo', async () => {
    const { store } = harness();
    const start = await store.headPosition();
    const types = ['TeamRegistered', 'OptionAdopted', 'NeedRecognised', 'OptionAdopted', 'TeamRegistered', 'NeedRecognised'];
    const stored = [];
    for (const type of types) stored.push(...(await store.append(uniqueStreamId(), [pendingEvent({ type })], 'no_stream')).events);
    const wanted = stored.filter((event) => event.type === 'OptionAdopted' || event.type === 'NeedRecognised');
    expect(ids(await collect(store.readAll({ after: start, types: ['OptionAdopted', 'NeedRecognised'], pageSize: 2 })))).toEqual(ids(wanted));
    const upTo = stored[3]?.globalPosition;
    expect(ids(await collect(store.readAll({ after: stored[1]?.globalPosition ?? start, upTo, types: ['OptionAdopted', 'NeedRecognised'] })))).toEqual(ids(wanted.slice(1, 3)));
    expect(await collect(store.readAll({ after: start, types: ['OptionAdopte'] }))).toEqual([]);
  });
}
