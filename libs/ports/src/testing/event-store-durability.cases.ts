import type { EventStoreHarness, HarnessOf } from './harness';
import { appendFresh, collect, pendingEvents, uniqueStreamId } from './fixtures';

export function durabilityCases(harness: HarnessOf<EventStoreHarness>): void {
  it('keeps events, revisions, positions and chains across a reopen', async () => {
    const h = harness();
    const start = await h.store.headPosition();
    const [a, b] = [uniqueStreamId(), uniqueStreamId()];
    const batch = pendingEvents(2);
    const firstA = await h.store.append(a, batch, 'no_stream');
    const inB = await appendFresh(h.store, b, 3, 'no_stream');

    const reopened = await h.reopen();
    expect(await reopened.readStream(a)).toEqual(firstA.events);
    expect(await reopened.readStream(b)).toEqual(inB);
    expect(await collect(reopened.readAll({ after: start }))).toEqual([...firstA.events, ...inB]);
    expect(await reopened.headPosition()).toBe(inB[2]?.globalPosition);

    // The reopened store goes on where the old one stopped, and still knows the old event ids.
    expect((await reopened.append(a, batch, 'any')).duplicate).toBe(true);
    const [next] = await appendFresh(reopened, a, 1, 1);
    expect(next).toMatchObject({ streamRevision: 2, previousHash: firstA.events[1]?.hash });
    expect(next?.globalPosition).toBeGreaterThan(inB[2]?.globalPosition ?? Infinity);
  });

  it('reports itself healthy', async () => {
    const health = await harness().store.health();
    expect(health.ok).toBe(true);
    expect(health.engine).toEqual(expect.any(String));
  });
}
