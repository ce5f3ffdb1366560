import { SqliteEventStore } from '@spiral/adapters-embedded';
import { DEFAULT_RANDOM_SEED } from '../seed/seed-size';
import { runSeed } from '../seed/seed-runner';
import { embeddedConfigFrom } from '@spiral/embedded-system';
import { historyArbitrary, storedEvents, storeHolding } from '@spiral/projections/testing';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveViews, rebuiltViews } from './views-both-ways.test-fixtures';

describe('a view rebuilt from history equals, byte for byte after canonical JSON, the view built live event by event', () => {
  it('for every projection, on any generated history and any page size', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, fc.integer({ min: 1, max: 40 }), async (history, pageSize) => {
        const store = await storeHolding(history);
        try {
          const events = await storedEvents(store);
          const live = await liveViews(store, events);
          expect(await rebuiltViews(store, { upTo: events.length, pageSize })).toEqual(live);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 15 },
    );
  }, 240_000);

  it('for every projection, on the small seed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'spiral-rebuild-equals-live-'));
    try {
      await runSeed({ size: 'small', randomSeed: DEFAULT_RANDOM_SEED, config: { ...embeddedConfigFrom({}), dataDir } });
      const store = await SqliteEventStore.open(dataDir);
      try {
        const events = await storedEvents(store);
        const live = await liveViews(store, events);
        // Pages smaller than the history, so documents are carried from page to page.
        expect(await rebuiltViews(store, { upTo: events.length, pageSize: 1_000 })).toEqual(live);
      } finally {
        await store.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
