import type { ViewChange, ViewDocument } from '../view-store.port';
import { rejectionOf, uniqueName } from './fixtures';
import type { HarnessOf, ViewStoreHarness } from './harness';

const put = (collection: string, id: string, document: ViewDocument): ViewChange => ({ kind: 'put', collection, id, document });

/** A document no engine can store: JSON and BSON both refuse a cycle. */
function unstorableDocument(): ViewDocument {
  const document: ViewDocument = { name: 'cyclic' };
  document['self'] = document;
  return document;
}

export function commitCases(harness: HarnessOf<ViewStoreHarness>): void {
  it('reads checkpoint 0 before any commit, then the committed position', async () => {
    const { store } = harness();
    const [projection, collection] = [uniqueName('projection'), uniqueName('docs')];
    expect(await store.checkpoint(projection)).toBe(0);
    await store.commit(projection, [put(collection, 'a', { n: 1 })], 17);
    expect(await store.checkpoint(projection)).toBe(17);
    expect(await store.get(collection, 'a')).toEqual({ n: 1 });
    await store.commit(projection, [], 25);
    expect(await store.checkpoint(projection)).toBe(25);
  });

  it('keeps the checkpoints of two projections apart', async () => {
    const { store } = harness();
    const [local, regional] = [uniqueName('local'), uniqueName('regional')];
    await store.commit(local, [], 10);
    await store.commit(regional, [], 3);
    await store.commit(local, [], 12);
    expect(await store.checkpoint(local)).toBe(12);
    expect(await store.checkpoint(regional)).toBe(3);
  });

  it('commits nothing, checkpoint included, when one change cannot be stored', async () => {
    const { store } = harness();
    const [projection, collection] = [uniqueName('projection'), uniqueName('docs')];
    await store.commit(projection, [put(collection, 'kept', { n: 1 })], 5);
    const failing = [
      put(collection, 'new', { n: 2 }),
      put(collection, 'kept', { n: 99 }),
      { kind: 'delete', collection, id: 'kept' } as const,
      put(collection, 'bad', unstorableDocument()),
    ];
    expect(await rejectionOf(store.commit(projection, failing, 9))).toBeDefined();
    expect(await store.checkpoint(projection)).toBe(5);
    expect(await store.get(collection, 'new')).toBeUndefined();
    expect(await store.find(collection)).toEqual([{ n: 1 }]);
  });

  it('applies the changes of a commit in order', async () => {
    const { store } = harness();
    const [projection, collection] = [uniqueName('projection'), uniqueName('docs')];
    const changes: ViewChange[] = [
      put(collection, 'a', { v: 1 }),
      put(collection, 'a', { v: 2 }),
      put(collection, 'b', { v: 1 }),
      { kind: 'delete', collection, id: 'b' },
    ];
    await store.commit(projection, changes, 4);
    expect(await store.find(collection)).toEqual([{ v: 2 }]);
  });

  it('drops the collections and checkpoint of one projection only', async () => {
    const { store } = harness();
    const [national, audit] = [uniqueName('national'), uniqueName('audit')];
    const [spread, impact, trace] = [uniqueName('spread'), uniqueName('impact'), uniqueName('trace')];
    await store.commit(national, [put(spread, 'p1', { n: 1 }), put(impact, 'p1', { n: 2 })], 40);
    await store.commit(audit, [put(trace, 's1', { n: 3 })], 41);
    await store.drop(national, [spread, impact]);
    expect(await store.find(spread)).toEqual([]);
    expect(await store.get(impact, 'p1')).toBeUndefined();
    expect(await store.checkpoint(national)).toBe(0);
    expect(await store.get(trace, 's1')).toEqual({ n: 3 });
    expect(await store.checkpoint(audit)).toBe(41);
    await store.commit(national, [put(spread, 'p2', { n: 4 })], 2);
    expect(await store.find(spread)).toEqual([{ n: 4 }]);
  });

  it('keeps documents and checkpoints across a reopen', async () => {
    const h = harness();
    const [projection, collection] = [uniqueName('projection'), uniqueName('docs')];
    await h.store.commit(projection, [put(collection, 'a', { nested: { list: [1, 'two', null] } })], 77);
    const reopened = await h.reopen();
    expect(await reopened.get(collection, 'a')).toStrictEqual({ nested: { list: [1, 'two', null] } });
    expect(await reopened.find(collection, { nested: null })).toEqual([]);
    expect(await reopened.checkpoint(projection)).toBe(77);
  });

  it('reports itself healthy', async () => {
    const health = await harness().store.health();
    expect(health.ok).toBe(true);
    expect(health.engine).toEqual(expect.any(String));
  });
}
