import { SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { appliedRevisionsOf, applyHistory, parkedEventsOf, ProjectionRunner, projectionKey, storedCollectionsOf } from '@spiral/projections';
import { systemClock, type EventFeed } from '@spiral/ports';
import { EMBEDDED_PROJECTIONS } from '../embedded-projections';

export interface RebuildFigures {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly projections: readonly string[];
}

// The rebuild drives each runner directly from the store; it never consumes a feed.
const noFeed = {} as EventFeed;

/**
 * How long a rebuild thread's commit waits for another's: the threads commit into one file, and at
 * the xlarge seed a commit of 40,000 documents took up to 3.4 s on a shared machine, too near the
 * 5 s a connection waits by default for a thread to fail on a busier one.
 */
const COMMIT_WAIT_MS = 120_000;

/**
 * Drops the views and checkpoints of the projections named (all by default) in the embedded data
 * folder and rebuilds them from the whole history, reading the store once in global order and
 * applying each page to every one of them. Nothing else may write these views meanwhile:
 * `spiral rebuild-views` runs with the server stopped (its threads each rebuild other projections),
 * and the server's rebuild job (RebuildJobs) pauses its live views around it.
 */
export async function rebuildViews(dataDir: string, progress: (events: number, head: number) => void, only?: readonly string[]): Promise<RebuildFigures> {
  const store = await SqliteEventStore.open(dataDir);
  const views = await SqliteViewStore.open(dataDir, { busyTimeoutMs: COMMIT_WAIT_MS });
  try {
    const projections = only === undefined ? EMBEDDED_PROJECTIONS : EMBEDDED_PROJECTIONS.filter((projection) => only.includes(projectionKey(projection)));
    for (const projection of projections) {
      await views.drop(projectionKey(projection), storedCollectionsOf(projection, [appliedRevisionsOf(projection), parkedEventsOf(projection)]));
    }
    const runners = projections.map((projection) => new ProjectionRunner(projection, noFeed, views, store, systemClock));
    const head = await store.headPosition();
    const started = performance.now();
    const { applied: events } = await applyHistory(store, runners, { upTo: head, progress });
    const seconds = (performance.now() - started) / 1000;
    return { events, seconds, eventsPerSecond: events / seconds, projections: runners.map((runner) => runner.key) };
  } finally {
    await views.close();
    await store.close();
  }
}
