import { SqliteViewStore } from '@spiral/adapters-embedded';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { EMBEDDED_PROJECTIONS } from '@spiral/embedded-system';
import type { EventFeed, EventStore } from '@spiral/ports';
import { applyHistory, ProjectionRunner, type HistoryOptions } from '@spiral/projections';
import { viewContents } from '@spiral/projections/testing';
import canonicalize from 'canonicalize';

const noFeed = {} as EventFeed;
const clock = { now: () => '2030-01-01T00:00:00.000Z' };

/** Each projection's views as canonical JSON (RFC 8785), by projection name. */
export type CanonicalViews = Record<string, string>;

async function canonicalViews(build: (runner: ProjectionRunner) => Promise<void>, store: EventStore): Promise<CanonicalViews> {
  const views: CanonicalViews = {};
  for (const projection of EMBEDDED_PROJECTIONS) {
    const viewStore = await SqliteViewStore.openFile(':memory:');
    try {
      await build(new ProjectionRunner(projection, noFeed, viewStore, store, clock));
      views[projection.name] = canonicalize(await viewContents(projection, viewStore)) ?? '';
    } finally {
      await viewStore.close();
    }
  }
  return views;
}

/** The views as live runners build them: one event at a time, each its own batch, through the runner's cache. */
export function liveViews(store: EventStore, events: readonly EventEnvelope[]): Promise<CanonicalViews> {
  return canonicalViews(async (runner) => {
    for (const event of events) await runner.apply([event]);
  }, store);
}

/** The views as a rebuild builds them: the history read once, page by page, through a history session. */
export function rebuiltViews(store: EventStore, options: HistoryOptions): Promise<CanonicalViews> {
  return canonicalViews(async (runner) => {
    await applyHistory(store, [runner], options);
  }, store);
}
