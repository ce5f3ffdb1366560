import { SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { LiveViewsThread } from '@spiral/embedded-system';
import { localProjections } from '@spiral/local';
import { VIEW_STORE, type ViewStore } from '@spiral/ports';
import { pendingEvent } from '@spiral/ports/testing';
import { activeGeneration, storedCollection, type Projection } from '@spiral/projections';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { EmbeddedHarness } from './support/embedded-harness';
import { localRx1, recogniseNeed, registerTeam } from './support/local-spirals';
import { settled } from './support/settled';

interface HealthBody {
  readonly status: string;
  readonly engines: Record<string, { engine: string; ok: boolean; detail?: string }>;
  readonly projections: readonly { projection: string; eventsBehind: number; running: boolean }[];
}

/** Waits until `check` holds, asking every 50 ms; fails with what it last saw after `timeoutMs`. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not as expected after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The embedded server's live views run in a worker thread of their own (issue #14 item 3): the
 * server's thread only writes and reads. /health tells that thread's state; a crash of it is seen,
 * logged and healed by a restart, and the views then catch up on what was written meanwhile.
 */
describe('the live views in their worker thread', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  const health = async () => (await harness.http.get('/api/v1/health')).body as HealthBody;
  const teamView = (teamId: string) => harness.http.get(`/api/v1/teams/${teamId}/view`).set(harness.bearer(localRx1));

  it('projects in a thread other than the server, and /health says so', async () => {
    const thread = harness.resolve(LiveViewsThread).thread;
    expect(isMainThread).toBe(true);
    expect(thread?.threadId).toBeGreaterThan(0);
    const body = await health();
    expect(body.status).toBe('ok');
    expect(body.engines['eventFeed']?.ok).toBe(true);
    expect(body.engines['eventFeed']?.detail).toContain(`running (thread ${thread?.threadId})`);
    expect(body.engines['eventFeed']?.detail).toContain('local-gains-process-manager');
    expect(body.projections.length).toBeGreaterThanOrEqual(5);
    expect(body.projections.every(({ running }) => running)).toBe(true);
  });

  it('keeps the views current: what a command stored is in the views once they have caught up', async () => {
    const { teamId, spiralId } = await recogniseNeed(harness);
    await harness.viewsCaughtUp();
    const view = (await teamView(teamId).expect(200)).body as { spirals?: readonly { spiralId: string }[] };
    expect(JSON.stringify(view)).toContain(spiralId);
  });

  it('restarts the thread after a crash, reports it down meanwhile, and the views catch up on what was written', async () => {
    const crashed = harness.resolve(LiveViewsThread).thread;
    await crashed?.terminate();
    // Commands are still taken while the views' thread is down.
    const teamId = await registerTeam(harness);
    const restarted = await until(health, (body) => body.engines['eventFeed']?.ok === true, 30_000);
    expect(restarted.engines['eventFeed']?.detail).toContain('restarted 1 time(s)');
    expect(harness.resolve(LiveViewsThread).thread?.threadId).not.toBe(crashed?.threadId);
    await settled(harness);
    await teamView(teamId).expect(200);
  });

  it('reports the thread down (503) between a crash and its restart', async () => {
    await harness.resolve(LiveViewsThread).thread?.terminate();
    const down = await harness.http.get('/api/v1/health');
    expect(down.status).toBe(503);
    expect((down.body as HealthBody).engines['eventFeed']?.ok).toBe(false);
    expect((down.body as HealthBody).engines['eventFeed']?.detail).toContain('restarting');
    expect((down.body as HealthBody).projections.every(({ running }) => !running)).toBe(true);
    await until(health, (body) => body.status === 'ok', 30_000);
  });

  it('stops the thread with the app and starts it again with the views where they stood', async () => {
    const { teamId } = await recogniseNeed(harness);
    await settled(harness);
    await harness.restart();
    await teamView(teamId).expect(200);
    expect((await health()).projections.every(({ eventsBehind, running }) => eventsBehind === 0 && running)).toBe(true);
  });
});

describe('blue/green from the live views worker thread', () => {
  it("routes the server's readers to the generation serving, and back once the new one has switched and dropped it", async () => {
    // A data folder with three teams, whose team view was built by the generation before the one this code runs.
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-e2e-'));
    const store = await SqliteEventStore.open(dataDir);
    for (const n of [1, 2, 3]) await store.append(`team-${n}`, [pendingEvent()], 'no_stream');
    await store.close();
    const current = localProjections.find(({ name }) => name === 'local-team-view') as Projection;
    const previous = { ...current, version: current.version - 1 };
    const [collection = ''] = current.collections;
    const before = await SqliteViewStore.open(dataDir);
    await before.commit(`${previous.name}_v${previous.version}`, [{ kind: 'put', collection: storedCollection(previous, collection), id: 'sentinel', document: { id: 'sentinel' } }], 3);
    await before.close();

    // The worker thread prepares the new generation: it routes readers, asks the server's thread
    // to move them back at the switch (and waits for it), and only then drops the old one.
    const harness = await EmbeddedHarness.start({ dataDir });
    try {
      // Only the team view is waited for: the other views have no use for these bare fixture events.
      const teamView = async () => (await harness.resolve(LiveViewsThread).statuses()).find(({ projection }) => projection === `${current.name}_v${current.version}`);
      await until(teamView, (status) => status?.eventsBehind === 0);
      const views = harness.resolve<ViewStore>(VIEW_STORE);
      expect(await activeGeneration(views, current.name)).toMatchObject({ version: current.version, previous: previous.version });
      // The old generation is dropped after the switch, once the server's readers have moved over.
      await until(() => views.find(storedCollection(previous, collection)), (documents) => documents.length === 0);
      await views.commit('probe', [{ kind: 'put', collection: storedCollection(current, collection), id: 'probe', document: { id: 'probe' } }], 0);
      expect(await views.get(storedCollection(current, collection), 'probe')).toEqual({ id: 'probe' });
    } finally {
      await harness.stop();
    }
  });
});
