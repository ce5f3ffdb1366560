import { systemClock, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { applyHistoryTo, ProjectionRunner, projectionKey, type Projection } from '@spiral/projections';
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
export const storeDriven: EventFeed = {
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
  const { target, asOf, ...rest } = request;
  const [figures] = await replayViewsAt({ ...rest, moments: [{ target, asOf }] });
  return figures as ReplayFigures;
}

/** One moment of a replay of several: its own isolated view store, and the moment it is built as of. */
export interface ReplayMoment {
  readonly target: ViewStore;
  readonly asOf: AsOf;
}

/**
 * Rebuilds the views as of several moments, each into its own isolated copy, from ONE read of the
 * history: each page read goes to every moment's runners, each taking the events as of its moment.
 * A moment's views cannot be continued into a later moment's (history entered late belongs to the
 * earlier moment but is recorded after events of the later one), so each moment has its own views;
 * what is shared is the reading. Figures per moment, in their order.
 */
export async function replayViewsAt(request: Omit<ReplayRequest, 'target' | 'asOf'> & { readonly moments: readonly ReplayMoment[] }): Promise<ReplayFigures[]> {
  for (const { target } of request.moments) {
    for (const projection of request.projections) {
      // A target that holds a checkpoint is not a fresh copy; it might even be the live store.
      if ((await target.checkpoint(projectionKey(projection))) > 0) {
        throw new Error(`the replay's view store already holds ${projectionKey(projection)}: a replay writes into a fresh, isolated store only`);
      }
    }
  }
  const head = await request.store.headPosition();
  const moments = request.moments.map(({ target, asOf }) => {
    const isAsOf = includesEvent(asOf);
    const moment = {
      asOf,
      lastPosition: lastPositionFor(asOf, head),
      lastOccurredAt: null as string | null,
      read: 0,
      runners: request.projections.map((projection) => new ProjectionRunner(projection, storeDriven, target, request.store, systemClock)),
      include: (event: EventEnvelope): boolean => {
        // A position-bounded moment reads no further than its position, whatever the others read.
        if (event.globalPosition > moment.lastPosition) return false;
        moment.read += 1;
        if (!isAsOf(event)) return false;
        if (moment.lastOccurredAt === null || event.occurredAt > moment.lastOccurredAt) moment.lastOccurredAt = event.occurredAt;
        return true;
      },
    };
    return moment;
  });
  const upTo = Math.max(0, ...moments.map((moment) => moment.lastPosition));
  const started = performance.now();
  const figures = await applyHistoryTo(request.store, moments, {
    upTo,
    ...(request.pageSize === undefined ? {} : { pageSize: request.pageSize }),
    ...(request.progress === undefined ? {} : { progress: request.progress }),
  });
  const seconds = (performance.now() - started) / 1000;
  return moments.map((moment, index) => ({
    asOf: describeAsOf(moment.asOf),
    lastPosition: moment.lastPosition,
    // The events up to the moment's own last position: what a replay of it alone reads.
    eventsRead: moment.read,
    eventsApplied: figures[index]?.applied ?? 0,
    lastOccurredAt: moment.lastOccurredAt,
    seconds,
    eventsPerSecond: seconds > 0 ? moment.read / seconds : moment.read,
    projections: moment.runners.map((runner) => runner.key),
  }));
}
