import { instantOf } from '@spiral/analytics';
import type { EventStore, ViewStore } from '@spiral/ports';
import { HISTORY_PAGE_SIZE, type Projection } from '@spiral/projections';
import { ViewsFold } from './views-fold';

export interface MomentsFoldRequest<T> {
  readonly store: EventStore;
  /** A fresh, isolated view store of the fold's own: it holds each moment's views in turn. */
  readonly views: ViewStore;
  readonly projections: readonly Projection[];
  /** Times (ISO 8601); the same moment may be given more than once, in any order. */
  readonly moments: readonly string[];
  /** What is wanted of the views as of a moment, read while they are that moment's. */
  readonly judge: (views: ViewStore, at: string) => Promise<T>;
  readonly pageSize?: number;
  readonly progress?: (done: number, total: number) => void;
}

export interface MomentsFolded<T> {
  /** Per moment judged in the fold; absent for the stale ones. */
  readonly judged: ReadonlyMap<string, T>;
  /** Moments that history entered late reached after they were judged: they need a replay of their own. */
  readonly stale: readonly string[];
  /** Events read (every one up to the head when the fold began). */
  readonly read: number;
  /** Per moment, the events read that occurred by it: what its own replay applies. */
  readonly applied: ReadonlyMap<string, number>;
}

interface Moment {
  readonly at: string;
  readonly limit: number;
}

/**
 * ONE fold of the history for every moment, each judged on views holding exactly the events that
 * occurred by it, as a replay of it alone would (the events by a moment, applied in global order).
 * The moments share the fold while every event read occurred by them; a moment is judged just
 * before the first event that occurred after it is applied, so the views are then its own.
 * Recorded history runs forward in time (`occurredAt` never goes back within a stream), so in
 * practice nothing that occurred by a moment is read after that: each moment costs a judgement,
 * not a fold. Only history entered late for another stream can bring such an event later; the
 * moment is then stale (its views moved on), and the caller replays it alone.
 */
export async function foldMoments<T>(request: MomentsFoldRequest<T>): Promise<MomentsFolded<T>> {
  const { store, views, projections, judge } = request;
  const pageSize = request.pageSize ?? HISTORY_PAGE_SIZE;
  const moments = distinctMoments(request.moments);
  const applied = new Map(moments.map((moment) => [moment.at, 0]));
  const judged = new Map<string, T>();
  const stale = new Set<string>();
  const fold = new ViewsFold(views, projections, store);
  // Ascending: the moments still sharing the fold; each event read so far occurred by all of them.
  let sharing = moments;
  const judgeLeaving = async (leaving: readonly Moment[]) => {
    if (leaving.length === 0) return;
    await fold.commit();
    for (const moment of leaving) judged.set(moment.at, await judge(views, moment.at));
  };
  const head = await store.headPosition();
  let read = 0;
  for await (const event of store.readAll({ upTo: head, pageSize })) {
    read += 1;
    const occurred = instantOf(event.occurredAt);
    for (const moment of moments) {
      if (occurred > moment.limit) continue;
      applied.set(moment.at, (applied.get(moment.at) as number) + 1);
      if (judged.has(moment.at)) stale.add(moment.at);
    }
    const staying = sharing.findIndex((moment) => moment.limit >= occurred);
    if (staying !== 0) {
      await judgeLeaving(staying === -1 ? sharing : sharing.slice(0, staying));
      sharing = staying === -1 ? [] : sharing.slice(staying);
    }
    if (sharing.length > 0) fold.take(event);
    if (read % pageSize === 0) {
      await fold.flush();
      request.progress?.(read, head);
    }
  }
  await judgeLeaving(sharing);
  request.progress?.(read, head);
  for (const at of stale) judged.delete(at);
  return { judged, stale: [...stale], read, applied };
}

/** Each moment once, in time order. */
function distinctMoments(moments: readonly string[]): Moment[] {
  const distinct = [...new Set(moments)].map((at) => ({ at, limit: Date.parse(at) }));
  const invalid = distinct.find((moment) => Number.isNaN(moment.limit));
  if (invalid !== undefined) throw new RangeError(`${invalid.at} is not a time (ISO 8601)`);
  return distinct.sort((a, b) => a.limit - b.limit);
}
