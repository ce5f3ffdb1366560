import { InProcessEventFeed, SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { systemClock, type ViewDocument } from '@spiral/ports';
import { pendingEvent } from '@spiral/ports/testing';
import { activeGeneration, ActiveViewStore, Projections, RecordedGenerationViews, storedCollection, type Projection } from '@spiral/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Generation 1 counts teams per organisation. */
const blue: Projection = {
  name: 'teams-per-organisation',
  version: 1,
  collections: ['organisations'],
  eventTypes: new Set(['TeamRegistered']),
  async apply(event, views) {
    const { orgCode } = event.data as { orgCode: string };
    const current = await views.get<{ teams: number }>('organisations', orgCode);
    views.put('organisations', orgCode, { orgCode, teams: (current?.teams ?? 0) + 1 });
  },
};

/** Generation 2 answers differently, and waits for the test's word before it applies anything. */
function green(gate: Promise<void>): Projection {
  return {
    ...blue,
    version: 2,
    async apply(event, views) {
      await gate;
      const { orgCode } = event.data as { orgCode: string };
      const current = await views.get<{ teams: number }>('organisations', orgCode);
      views.put('organisations', orgCode, { orgCode, teams: (current?.teams ?? 0) + 1, counted: 'by generation 2' });
    },
  };
}

describe('blue/green rebuild of a live view', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'spiral-blue-green-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the old generation until the new one is current, then the new one, and drops the old only after the switch', async () => {
    const store = await SqliteEventStore.open(dataDir);
    const inner = await SqliteViewStore.open(dataDir);
    const feed = new InProcessEventFeed(store);
    for (const orgCode of ['RX1', 'RX1', 'RY2']) await store.append(`team-${orgCode}-${Math.random()}`, [pendingEvent({ data: { orgCode } })], 'no_stream');

    // The process before the upgrade runs generation 1.
    const before = new Projections([blue], feed, new ActiveViewStore(inner), store, systemClock);
    await before.onApplicationBootstrap();
    await before.caughtUp();
    expect(await activeGeneration(inner, blue.name)).toMatchObject({ version: 1, previous: null });
    await before.onApplicationShutdown();

    // The upgraded process: its readers ask for generation 2's collections, through the routing.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const upgraded = green(gate);
    const views = new ActiveViewStore(inner);
    const read = () => views.get<ViewDocument>(storedCollection(upgraded, 'organisations'), 'RX1');
    const after = new Projections([upgraded], feed, views, store, systemClock);
    await after.onApplicationBootstrap();

    // Catching up (held at the gate): readers get generation 1's whole answer, and it is still recorded active.
    expect(await read()).toEqual({ orgCode: 'RX1', teams: 2 });
    expect(await activeGeneration(inner, blue.name)).toMatchObject({ version: 1 });
    expect(await inner.find(storedCollection(blue, 'organisations'))).toHaveLength(2);
    // A reader apart (the reads thread: a connection of its own, told of no switch) follows the recorded one.
    const apartStore = await SqliteViewStore.open(dataDir);
    const apart = new RecordedGenerationViews(apartStore, upgraded);
    const readApart = async () => {
      await apart.follow();
      return apart.views.get<ViewDocument>(storedCollection(upgraded, 'organisations'), 'RX1');
    };
    expect(await readApart()).toEqual({ orgCode: 'RX1', teams: 2 });

    // Readers keep reading while generation 2 catches up and takes over: never a gap, never half-built.
    const answers: (ViewDocument | undefined)[] = [];
    let switched = false;
    const reader = (async () => {
      while (!switched) {
        answers.push(await read());
        await nextTurn();
      }
    })();
    open();
    await after.caughtUp();
    while ((await activeGeneration(inner, blue.name))?.version !== 2) await nextTurn();
    switched = true;
    await reader;

    expect(answers.length).toBeGreaterThan(0);
    const firstNew = answers.findIndex((answer) => answer?.['counted'] !== undefined);
    const expectedAnswers = answers.map((_, k) => (firstNew === -1 || k < firstNew ? { orgCode: 'RX1', teams: 2 } : { orgCode: 'RX1', teams: 2, counted: 'by generation 2' }));
    expect(answers).toEqual(expectedAnswers);
    expect(await read()).toEqual({ orgCode: 'RX1', teams: 2, counted: 'by generation 2' });
    expect(await readApart()).toEqual({ orgCode: 'RX1', teams: 2, counted: 'by generation 2' });
    await apartStore.close();

    // The switch is recorded; generation 1 (its documents and checkpoint) is gone only now.
    expect(await activeGeneration(inner, blue.name)).toMatchObject({ version: 2, previous: 1, position: 3 });
    expect(await inner.find(storedCollection(blue, 'organisations'))).toEqual([]);
    expect(await inner.checkpoint('teams-per-organisation_v1')).toBe(0);

    // A restart of the upgraded process reads generation 2 straight away.
    await after.onApplicationShutdown();
    const restarted = new Projections([upgraded], feed, new ActiveViewStore(inner), store, systemClock);
    await restarted.onApplicationBootstrap();
    expect(await new ActiveViewStore(inner).get(storedCollection(upgraded, 'organisations'), 'RY2')).toEqual({ orgCode: 'RY2', teams: 1, counted: 'by generation 2' });
    await restarted.onApplicationShutdown();
    await feed.close();
    await inner.close();
    await store.close();
  });
});
