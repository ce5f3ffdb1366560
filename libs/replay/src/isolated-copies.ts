import { InMemoryViewStore, SqliteViewStore } from '@spiral/adapters-embedded';
import type { ViewStore } from '@spiral/ports';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PrefixedViewStore } from './prefixed-view-store';

/** A replay's own view store, and how to throw it away when its result is no longer wanted. */
export interface IsolatedCopy {
  readonly views: ViewStore;
  /** Where it lives, for the logs: a file, or a collection prefix. */
  readonly location: string;
  /** Closes the copy and keeps what it holds (for another thread or process to open). */
  close(): Promise<void>;
  discard(): Promise<void>;
}

/** Makes a fresh isolated copy per replay id. */
export type IsolatedCopies = (replayId: string) => Promise<IsolatedCopy>;

/**
 * Embedded mode: each replay in its own SQLite file under a temporary folder (never the data
 * folder's views.sqlite), deleted with the folder when discarded.
 */
export function sqliteCopies(parent: string = tmpdir()): IsolatedCopies {
  return async (replayId) => {
    const folder = mkdtempSync(join(parent, `spiral-replay-${replayId.replace(/[^A-Za-z0-9-]/g, '')}-`));
    return openSqliteCopy(join(folder, 'views.sqlite'));
  };
}

/**
 * Each copy in this thread's memory (InMemoryViewStore): for a fold that is read where it was
 * made and thrown away, as an evaluation's is, no document is written or parsed. Nothing is kept
 * for another thread to open: closing it keeps it for this one, until it is discarded.
 */
export function inMemoryCopies(): IsolatedCopies {
  return (replayId) => {
    const views = new InMemoryViewStore();
    return Promise.resolve({ views, location: `memory of this thread (${replayId})`, close: () => Promise.resolve(), discard: () => views.close() });
  };
}

/**
 * A copy made by sqliteCopies, opened again by its file: a replay job fills it in its worker
 * thread and closes it; the server opens it to export the result, and discards it in the end.
 */
export async function openSqliteCopy(file: string): Promise<IsolatedCopy> {
  const views = await SqliteViewStore.openFile(file);
  return {
    views,
    location: file,
    close: () => views.close(),
    async discard() {
      await views.close();
      rmSync(dirname(file), { recursive: true, force: true });
    },
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
      close: () => Promise.resolve(),
      async discard() {
        for (const { key, collections } of collectionsOf()) await views.drop(key, collections);
      },
    });
  };
}
