import { applyStamped, CHANGE_STAMP_ID, type ChangeStamp } from './change-stamp';
import type { ViewDocument as Document } from '@spiral/ports';
import type { ViewSession } from '../projection';
import { mayHoldViewsOf, StampedCache } from './stamped-cache';

function memorySession(): ViewSession & { documents: Map<string, Document> } {
  const documents = new Map<string, Document>();
  return {
    documents,
    get: <T extends Document>(collection: string, id: string) => Promise.resolve(documents.get(`${collection}/${id}`) as T | undefined),
    put: (collection, id, document) => void documents.set(`${collection}/${id}`, document),
    delete: (collection, id) => void documents.delete(`${collection}/${id}`),
  };
}

describe('applyStamped', () => {
  const stamp = { collection: 'changes', generation: 3 };

  it('counts an event that changed a document, and not one that changed nothing', async () => {
    const session = memorySession();
    await applyStamped(session, stamp, (views) => Promise.resolve(views.put('things', 'a', { n: 1 })));
    await applyStamped(session, stamp, () => Promise.resolve());
    await applyStamped(session, stamp, (views) => Promise.resolve(views.put('things', 'a', { n: 2 })));
    expect(session.documents.get(`changes/${CHANGE_STAMP_ID}`)).toEqual({ generation: 3, changes: 2 });
    expect(session.documents.get('things/a')).toEqual({ n: 2 });
  });
});

describe('StampedCache', () => {
  let stamp: ChangeStamp | undefined;
  let loads: number;
  const cache = () => new StampedCache(() => Promise.resolve(stamp));
  const load = () => Promise.resolve(++loads);
  beforeEach(() => {
    stamp = { generation: 2, changes: 5 };
    loads = 0;
  });

  it('holds a part while the stamp stands and loads it again when the stamp moves', async () => {
    const held = cache();
    expect(await (await held.snapshot()).part('p', load)).toBe(1);
    expect(await (await held.snapshot()).part('p', load)).toBe(1);
    stamp = { generation: 2, changes: 6 };
    expect(await (await held.snapshot()).part('p', load)).toBe(2);
    // Another generation counting as far is another view (blue/green).
    stamp = { generation: 3, changes: 6 };
    expect(await (await held.snapshot()).part('p', load)).toBe(3);
  });

  it('does not hold a part the stamp moved under while it loaded', async () => {
    const held = cache();
    const moving = () => {
      stamp = { generation: 2, changes: stamp!.changes + 1 };
      return load();
    };
    expect(await (await held.snapshot()).part('p', moving)).toBe(1);
    expect(await (await held.snapshot()).part('p', load)).toBe(2);
    expect(await (await held.snapshot()).part('p', load)).toBe(2);
  });

  it('holds nothing for views without a stamp', async () => {
    stamp = undefined;
    const held = cache();
    expect(await (await held.snapshot()).part('p', load)).toBe(1);
    expect(await (await held.snapshot()).part('p', load)).toBe(2);
  });
});

describe('mayHoldViewsOf', () => {
  it('holds what one writing process committed, not what several write without transactions', () => {
    expect(mayHoldViewsOf({})).toBe(true);
    expect(mayHoldViewsOf({ exclusively: () => Promise.resolve() })).toBe(false);
  });
});
