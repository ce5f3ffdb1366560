import { SqliteViewStore } from '@spiral/adapters-embedded';
import type { ViewDocument, ViewStore } from '@spiral/ports';
import { HistoryViewSession } from './history-view-session';

const projection = { version: 1 };
const things = 'things_v1';

/** A view store counting the reads of documents. */
async function countingStore(): Promise<{ store: ViewStore; reads: () => number }> {
  const inner = await SqliteViewStore.openFile(':memory:');
  let reads = 0;
  const store = new Proxy(inner, {
    get(target, property) {
      if (property === 'get') {
        return <T extends ViewDocument>(collection: string, id: string) => {
          reads += 1;
          return target.get<T>(collection, id);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, reads: () => reads };
}

async function commit(store: ViewStore, session: HistoryViewSession): Promise<void> {
  await store.commit('things_v1', session.changes(), 1);
  session.committed();
}

describe('HistoryViewSession', () => {
  it('reads a document once however often it is read and changed, and lists it once per commit', async () => {
    const { store, reads } = await countingStore();
    const session = new HistoryViewSession(store, projection);
    for (let n = 1; n <= 3; n += 1) {
      const current = await session.get<{ n: number }>('things', 'a');
      session.put('things', 'a', { n: (current?.n ?? 0) + n });
    }
    expect(reads()).toBe(1);
    expect(session.changes()).toEqual([{ kind: 'put', collection: things, id: 'a', document: { n: 6 } }]);
    await commit(store, session);
    expect(session.changes()).toEqual([]);
    expect(await session.get('things', 'a')).toEqual({ n: 6 });
    expect(reads()).toBe(1);
  });

  it('is due for a commit once it holds as many changed documents as its bound', async () => {
    const { store } = await countingStore();
    const session = new HistoryViewSession(store, projection, { held: 10, commitAfter: 2 });
    session.put('things', 'a', { n: 1 });
    session.put('things', 'a', { n: 2 });
    expect(session.dueForCommit).toBe(false);
    session.put('things', 'b', { n: 1 });
    expect(session.dueForCommit).toBe(true);
  });

  it('lets the least recently used committed documents go past its bound, and reads them again as committed', async () => {
    const { store, reads } = await countingStore();
    const session = new HistoryViewSession(store, projection, { held: 2, commitAfter: 100 });
    session.put('things', 'a', { n: 1 });
    await commit(store, session);
    session.put('things', 'b', { n: 2 });
    session.put('things', 'c', { n: 3 });
    await commit(store, session);
    expect(reads()).toBe(0);
    // 'a', used before the last commit, went; 'b' and 'c' stay.
    expect(await session.get('things', 'b')).toEqual({ n: 2 });
    expect(reads()).toBe(0);
    expect(await session.get('things', 'a')).toEqual({ n: 1 });
    expect(reads()).toBe(1);
  });

  it('lets the least recently used documents it only read go after a page a quarter past its bound, keeping the changed ones for their commit', async () => {
    const { store, reads } = await countingStore();
    await store.commit('things_v1', ['a', 'b', 'c'].map((id) => ({ kind: 'put', collection: things, id, document: { id } })), 1);
    const session = new HistoryViewSession(store, projection, { held: 2, commitAfter: 100 });
    await session.get('things', 'a');
    await session.get('things', 'b');
    session.pageApplied();
    await session.get('things', 'c');
    session.put('things', 'new', { n: 1 });
    expect(reads()).toBe(3);
    // Four held, past 2 + 2/4: 'a' and 'b', read a page before, go; 'c' and the changed 'new' stay.
    session.pageApplied();
    expect(await session.get('things', 'c')).toEqual({ id: 'c' });
    expect(reads()).toBe(3);
    expect(session.changes()).toEqual([{ kind: 'put', collection: things, id: 'new', document: { n: 1 } }]);
    expect(await session.get('things', 'a')).toEqual({ id: 'a' });
    expect(reads()).toBe(4);
  });

  it('lets go what changed since the last commit when a pass fails, so it is read again as committed', async () => {
    const { store, reads } = await countingStore();
    const session = new HistoryViewSession(store, projection);
    session.put('things', 'a', { n: 1 });
    await commit(store, session);
    const held = await session.get<{ n: number }>('things', 'a');
    if (held !== undefined) held.n = 99;
    session.put('things', 'a', held ?? { n: 0 });
    session.put('things', 'new', { n: 1 });
    session.discardChanges();
    expect(session.changes()).toEqual([]);
    expect(await session.get('things', 'a')).toEqual({ n: 1 });
    expect(await session.get('things', 'new')).toBeUndefined();
    expect(reads()).toBe(2);
  });
});
