import { documentCases, findCases, rejectionOf, type ViewStoreHarness } from '@spiral/ports/testing';
import { InMemoryViewStore } from './in-memory-view-store';

/** Memory has nothing to reopen: the same store is what a reopen finds. */
function inMemory(): Promise<ViewStoreHarness> {
  const store = new InMemoryViewStore();
  return Promise.resolve({ store, reopen: () => Promise.resolve(store), cleanup: () => store.close() });
}

// The port's cases for documents and finds; its commit cases expect a cycle to be refused, which
// only serialising can tell, and this store holds documents as they are (see InMemoryViewStore).
describe('InMemoryViewStore', () => {
  let current: ViewStoreHarness | undefined;
  beforeEach(async () => {
    current = await inMemory();
  });
  const harness = (): ViewStoreHarness => current as ViewStoreHarness;

  describe('documents', () => documentCases(harness));
  describe('finding', () => findCases(harness));

  it('commits in order, with the checkpoint, and drops one projection only', async () => {
    const { store } = harness();
    await store.commit('national', [
      { kind: 'put', collection: 'spread', id: 'a', document: { v: 1 } },
      { kind: 'put', collection: 'spread', id: 'a', document: { v: 2 } },
      { kind: 'put', collection: 'spread', id: 'b', document: { v: 1 } },
      { kind: 'delete', collection: 'spread', id: 'b' },
    ], 4);
    await store.commit('audit', [{ kind: 'put', collection: 'trace', id: 's1', document: { n: 3 } }], 41);
    expect(await store.find('spread')).toEqual([{ v: 2 }]);
    expect(await store.checkpoint('national')).toBe(4);
    await store.drop('national', ['spread']);
    expect(await store.find('spread')).toEqual([]);
    expect(await store.checkpoint('national')).toBe(0);
    expect(await store.get('trace', 's1')).toEqual({ n: 3 });
    expect(await store.checkpoint('audit')).toBe(41);
  });

  it('hands back the documents committed, not copies: what the fold changes in place, it reads', async () => {
    const { store } = harness();
    const document = { points: { '2005-01': 3 } as Record<string, number> };
    await store.commit('national', [{ kind: 'put', collection: 'measures', id: 's1', document }], 1);
    document.points['2005-02'] = 4;
    expect(await store.get('measures', 's1')).toBe(document);
    expect(await store.find('measures')).toEqual([{ points: { '2005-01': 3, '2005-02': 4 } }]);
  });

  it('refuses a limit that is not a positive integer', async () => {
    expect(await rejectionOf(harness().store.find('teams', {}, { limit: 0 }))).toBeInstanceOf(RangeError);
  });
});
