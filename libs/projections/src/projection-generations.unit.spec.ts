import { SqliteViewStore } from '@spiral/adapters-embedded';
import { ActiveViewStore } from './active-view-store';
import type { Projection } from './projection';
import { recordSwitch, servingGeneration } from './projection-generations';

const v3: Projection = { name: 'team-view', version: 3, collections: ['teams'], eventTypes: new Set(), apply: () => Promise.resolve() };

describe('projection generations', () => {
  it('serves the recorded generation while another catches up, and none once its own is recorded', async () => {
    const views = await SqliteViewStore.openFile(':memory:');
    expect(await servingGeneration(views, v3)).toBeUndefined();
    await recordSwitch(views, { ...v3, version: 2 }, 1, 10, '2006-01-01T00:00:00.000Z');
    expect(await servingGeneration(views, v3)).toBe(2);
    await recordSwitch(views, v3, 2, 12, '2006-01-02T00:00:00.000Z');
    expect(await servingGeneration(views, v3)).toBeUndefined();
  });

  it('in a store from before switches were recorded, serves the newest older version with a checkpoint', async () => {
    const views = await SqliteViewStore.openFile(':memory:');
    await views.commit('team-view_v1', [], 7);
    expect(await servingGeneration(views, v3)).toBe(1);
  });

  it('routes readers, not writers, to the generation serving', async () => {
    const inner = await SqliteViewStore.openFile(':memory:');
    await inner.commit('team-view_v1', [{ kind: 'put', collection: 'teams_v1', id: 't', document: { generation: 1 } }], 1);
    await inner.commit('team-view_v3', [{ kind: 'put', collection: 'teams_v3', id: 't', document: { generation: 3 } }], 1);
    const readers = new ActiveViewStore(inner);
    readers.routing.route(v3, 1);
    expect(await readers.get('teams_v3', 't')).toEqual({ generation: 1 });
    expect(await readers.find('teams_v3')).toEqual([{ generation: 1 }]);
    expect(await inner.get('teams_v3', 't')).toEqual({ generation: 3 });
    readers.routing.unroute(v3.name);
    expect(await readers.get('teams_v3', 't')).toEqual({ generation: 3 });
  });
});
