import { SqliteViewStore } from '@spiral/adapters-embedded';
import type { ViewStore } from '@spiral/ports';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrefixedViewStore } from './prefixed-view-store';

/** A replay's own view store, and how to throw it away when its result is no longer wanted. */
export interface IsolatedCopy {
  readonly views: ViewStore;
  /** Where it lives, for the logs: a file, or a collection prefix. */
  readonly location: string;
  discard(): Promise<void>;
}

/** Makes a fresh isolated copy per replay id. */
export type IsolatedCopies = (replayId: string) => Promise<IsolatedCopy>;

export const ISOLATED_COPIES = Symbol('IsolatedCopies');

/**
 * Embedded mode: each replay in its own SQLite file under a temporary folder (never the data
 * folder's views.sqlite), deleted with the folder when discarded.
 */
export function sqliteCopies(parent: string = tmpdir()): IsolatedCopies {
  return async (replayId) => {
    const folder = mkdtempSync(join(parent, `spiral-replay-${replayId.replace(/[^A-Za-z0-9-]/g, '')}-`));
    const file = join(folder, 'views.sqlite');
    const views = await SqliteViewStore.openFile(file);
    return {
      views,
      location: file,
      async discard() {
        await views.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  };
}

/**
 * Distributed mode: the replay's collections beside the live ones in MongoDB, under its own prefix
 * (`replay_<id>__`), dropped when discarded.
 */
export function prefixedCopies(shared: ViewStore, collectionsOf: () => readonly { key: string; collections: readonly string[] }[]): IsolatedCopies {
  return (replayId) => {
    const views = new PrefixedViewStore(shared, `replay_${replayId.replace(/[^A-Za-z0-9]/g, '')}__`);
    return Promise.resolve({
      views,
      location: `collections prefixed ${views.prefix}`,
      async discard() {
        for (const { key, collections } of collectionsOf()) await views.drop(key, collections);
      },
    });
  };
}
