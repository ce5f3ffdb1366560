import { viewStoreContract, type ViewStoreHarness } from '@spiral/ports/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteViewStore } from './sqlite-view-store';

async function openInTempDir(): Promise<ViewStoreHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-views-'));
  let open = await SqliteViewStore.open(dataDir);
  return {
    store: open,
    reopen: async () => {
      await open.close();
      open = await SqliteViewStore.open(dataDir);
      return open;
    },
    cleanup: async () => {
      await open.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

viewStoreContract('SqliteViewStore', openInTempDir);
