import { SqliteViewStore } from '@spiral/adapters-embedded';
import { prefixedCopies } from './isolated-copies';

describe('a replay copy on the live views engine (prefixed collections)', () => {
  it('reads and writes only its own collections and checkpoints, and drops them when discarded', async () => {
    const shared = await SqliteViewStore.openFile(':memory:');
    await shared.commit('national-view_v1', [{ kind: 'put', collection: 'practices_v1', id: 'p1', document: { live: true } }], 40);
    const copy = await prefixedCopies(shared, () => [{ key: 'national-view_v1', collections: ['practices_v1'] }])('3f2c-replay');
    expect(await copy.views.checkpoint('national-view_v1')).toBe(0);
    expect(await copy.views.find('practices_v1')).toEqual([]);
    await copy.views.commit('national-view_v1', [{ kind: 'put', collection: 'practices_v1', id: 'p1', document: { replayed: true } }], 12);
    expect(await copy.views.get('practices_v1', 'p1')).toEqual({ replayed: true });
    expect(await shared.get('practices_v1', 'p1')).toEqual({ live: true });
    expect(await shared.checkpoint('national-view_v1')).toBe(40);
    expect(await shared.get('replay_3f2creplay__practices_v1', 'p1')).toEqual({ replayed: true });
    await copy.discard();
    expect(await shared.find('replay_3f2creplay__practices_v1')).toEqual([]);
    expect(await shared.get('practices_v1', 'p1')).toEqual({ live: true });
  });
});
