import { instantOf } from '@spiral/analytics';
import type { EventStore, ViewStore } from '@spiral/ports';
import { HISTORY_PAGE_SIZE, type Projection } from '@spiral/projections';
import { ViewsFold } from './views-fold';

export interface MomentsFoldRequest {
  readonly store: EventStore;
  /** A fresh, isolated view store of the fold's own: it ends up holding the views at the head. */
  readonly views: ViewStore;
  readonly projections: readonly Projection[];
  /** Times (ISO 8601); the same moment may be given more than once, in any order. */
  readonly moments: readonly string[];
  readonly pageSize?: number;
  readonly progress?: (done: number, total: number) => void;
}

export interface MomentsFolded {
  /** Events read (every one up to the head when the fold began). */
  readonly read: number;
  /** Per moment, the events read that occurred by it: what a replay of it alone applies. */
  readonly applied: ReadonlyMap<string, number>;
}

/**
 * ONE fold of the whole history, in global order, into `views`, for every moment at once: the
 * evaluated views keep what each document was at every moment (dated facts and timelines, issue 17
 * item 3), and their readers read them as of a moment as a replay of only the events by it leaves
 * them, however late the history was entered. So every moment is judged on the same views, folded
 * to the head, with nothing replayed again: no copy per moment, no stop in the fold, and no second
 * read for a moment that history entered late reaches after it (the property test of
 * evaluate-moments.int.spec.ts holds every moment to a replay of it alone). Beyond the views' own
 * apply, the fold adds to each event one comparison per moment.
 */
export async function foldMoments(request: MomentsFoldRequest): Promise<MomentsFolded> {
  const { store, views, projections } = request;
  const pageSize = request.pageSize ?? HISTORY_PAGE_SIZE;
  const moments = distinctMoments(request.moments);
  const applied = moments.map(() => 0);
  const fold = new ViewsFold(views, projections, store);
  const head = await store.headPosition();
  let read = 0;
  // Consecutive events often share their occurredAt (a team's batch of points): parsed once per run.
  let [occurredAt, occurred] = ['', Number.NaN];
  for await (const event of store.readAll({ upTo: head, pageSize })) {
    read += 1;
    if (event.occurredAt !== occurredAt) [occurredAt, occurred] = [event.occurredAt, instantOf(event.occurredAt)];
    for (let index = 0; index < moments.length; index += 1) if (occurred <= (moments[index] as Moment).limit) applied[index] = (applied[index] as number) + 1;
    fold.take(event);
    if (read % pageSize === 0) {
      await fold.flush();
      request.progress?.(read, head);
    }
  }
  await fold.commit();
  request.progress?.(read, head);
  return { read, applied: new Map(moments.map((moment, index) => [moment.at, applied[index] as number])) };
}

interface Moment {
  readonly at: string;
  readonly limit: number;
}

/** Each moment once. */
function distinctMoments(moments: readonly string[]): Moment[] {
  const distinct = [...new Set(moments)].map((at) => ({ at, limit: instantOf(at) }));
  const invalid = distinct.find((moment) => Number.isNaN(moment.limit));
  if (invalid !== undefined) throw new RangeError(`${invalid.at} is not a time (ISO 8601)`);
  return distinct;
}
