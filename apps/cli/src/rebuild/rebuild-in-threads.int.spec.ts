import { SqliteViewStore } from '@spiral/adapters-embedded';
import { EMBEDDED_PROJECTIONS, embeddedConfigFrom, rebuildViews, rebuildViewsInThreads } from '@spiral/embedded-system';
import { projectionKey, storedCollectionsOf } from '@spiral/projections';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RANDOM_SEED } from '../seed/seed-size';
import { runSeed } from '../seed/seed-runner';

/** Every document and checkpoint of the rebuilt projections, as stored. */
async function storedViews(dataDir: string): Promise<Record<string, unknown>> {
  const views = await SqliteViewStore.open(dataDir);
  try {
    const stored: Record<string, unknown> = {};
    for (const projection of EMBEDDED_PROJECTIONS) {
      stored[projectionKey(projection)] = await views.checkpoint(projectionKey(projection));
      for (const collection of storedCollectionsOf(projection, [])) stored[collection] = await views.find(collection);
    }
    return stored;
  } finally {
    await views.close();
  }
}

describe('spiral rebuild-views in threads of its own, their heaps capped', () => {
  it.each([1, 2, 3])('in %i thread(s), stores the same views as the rebuild run in the process, reporting its progress to the last event', async (threads) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'spiral-rebuild-in-thread-'));
    try {
      await runSeed({ size: 'small', randomSeed: DEFAULT_RANDOM_SEED, config: { ...embeddedConfigFrom({}), dataDir } });
      const inProcess = await rebuildViews(dataDir, () => undefined);
      const expected = await storedViews(dataDir);
      const progress: number[] = [];
      const inThread = await rebuildViewsInThreads(dataDir, (events, head) => progress.push(head - events), { threads });
      expect(inThread.events).toBe(inProcess.events);
      expect(inThread.projections).toEqual(inProcess.projections);
      expect(progress.at(-1)).toBe(0);
      expect(await storedViews(dataDir)).toEqual(expected);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
