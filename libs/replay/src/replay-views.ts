import type { EventFeed, EventStore, ViewStore } from '@spiral/ports';
import { applyHistory, ProjectionRunner, projectionKey, type Projection } from '@spiral/projections';
import { describeAsOf, includesEvent, lastPositionFor, type AsOf } from './as-of';

export interface ReplayRequest {
  /** Where the history is read from: the live event store, read only. */
  readonly store: EventStore;
  readonly projections: readonly Projection[];
  /** An isolated view store of the replay's own (a separate file, prefixed collections): never the live one. */
  readonly target: ViewStore;
  readonly asOf: AsOf;
  /** Events read per page and applied per batch: memory stays bounded on any history. */
  readonly pageSize?: number;
  /** Events read so far, of those the replay reads. */
  readonly progress?: (done: number, total: number) => void;
}

export interface ReplayFigures {
  readonly asOf: string;
  /** The last global position read: the head when the replay began, or the as-of position. */
  readonly lastPosition: number;
  readonly eventsRead: number;
  /** Of those, the events as of the moment, applied to the views. */
  readonly eventsApplied: number;
  /** The latest occurredAt among the events applied: what the figures can be judged at. */
  readonly lastOccurredAt: string | null;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** The projections replayed, as `<name>_v<version>`. */
  readonly projections: readonly string[];
}

/** A view name ('all' for every one) to the projections to replay; an unknown name is refused with the known ones. */
export function selectProjections(all: readonly Projection[], view: string): Projection[] {
  if (view === 'all') return [...all];
  const chosen = all.filter((projection) => projection.name === view || projectionKey(projection) === view);
  if (chosen.length === 0) throw new UnknownView(view, all.map((projection) => projection.name));
  return chosen;
}

export class UnknownView extends Error {
  constructor(
    readonly view: string,
    readonly known: readonly string[],
  ) {
    super(`no view named "${view}"; the views are: all, ${known.join(', ')}`);
  }
}

/** The runners of a replay are driven from the store in global order; no feed is ever consumed. */
const storeDriven: EventFeed = {
  ordering: 'global',
  publish: () => Promise.reject(new Error('a replay publishes nothing')),
  consume: () => Promise.reject(new Error('a replay drives its runners from the store; it never consumes the feed')),
  health: () => Promise.resolve({ engine: 'replay', ok: true }),
  close: () => Promise.resolve(),
};

/**
 * Rebuilds views as of a moment into an isolated copy: the history is read once, in global order,
 * page by page, and only the events as of the moment reach the projections' runners, which commit
 * into the replay's own view store. The live views are never read nor written, so they keep
 * serving, and projecting, meanwhile.
 */
export async function replayViews(request: ReplayRequest): Promise<ReplayFigures> {
  for (const projection of request.projections) {
    // A target that holds a checkpoint is not a fresh copy; it might even be the live store.
    if ((await request.target.checkpoint(projectionKey(projection))) > 0) {
      throw new Error(`the replay's view store already holds ${projectionKey(projection)}: a replay writes into a fresh, isolated store only`);
    }
  }
  const clock = { now: () => new Date().toISOString() };
  const runners = request.projections.map(
    (projection) => new ProjectionRunner(projection, storeDriven, request.target, request.store, clock),
  );
  const lastPosition = lastPositionFor(request.asOf, await request.store.headPosition());
  const isAsOf = includesEvent(request.asOf);
  let lastOccurredAt: string | null = null;
  const started = performance.now();
  const { read, applied } = await applyHistory(request.store, runners, {
    upTo: lastPosition,
    ...(request.pageSize === undefined ? {} : { pageSize: request.pageSize }),
    include: (event) => {
      if (!isAsOf(event)) return false;
      if (lastOccurredAt === null || event.occurredAt > lastOccurredAt) lastOccurredAt = event.occurredAt;
      return true;
    },
    ...(request.progress === undefined ? {} : { progress: request.progress }),
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    asOf: describeAsOf(request.asOf),
    lastPosition,
    eventsRead: read,
    eventsApplied: applied,
    lastOccurredAt,
    seconds,
    eventsPerSecond: seconds > 0 ? read / seconds : read,
    projections: runners.map((runner) => runner.key),
  };
}
