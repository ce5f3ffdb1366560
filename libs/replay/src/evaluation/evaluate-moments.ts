import { NationalViewReader, nationalViewProjection } from '@spiral/national';
import type { EventStore, ViewStore } from '@spiral/ports';
import { RegionalViewReader, regionalViewProjection } from '@spiral/regional';
import { randomUUID } from 'node:crypto';
import type { IsolatedCopies, IsolatedCopy } from '../isolated-copies';
import { InMemoryViewStore } from '../in-memory-view-store';
import { replayViewsAt } from '../replay-views';
import { practiceEvaluation, regionEvaluation, type Evaluation, type RegionEvaluation } from './evaluation';
import { foldMoments } from './moments-fold';

/** Stalled spirals are not part of an evaluation; the regional reader needs a horizon all the same. */
const STALLED_DAYS = 90;

/** What an evaluation reads: the regional and national views, nothing else. */
export const EVALUATED_VIEWS = [regionalViewProjection, nationalViewProjection];

/** An evaluation's figures, judged on views that hold the events as of its moment. */
export type EvaluationFigures = Omit<Evaluation, 'asOf' | 'events'>;

/** A moment's figures and what was read and applied for them. */
type Judged = { readonly figures: EvaluationFigures; readonly events: Evaluation['events'] };

/**
 * The national and regional views as of each moment (by occurredAt), all from ONE fold of the
 * history into views in memory (foldMoments, InMemoryViewStore): each moment is read, with the
 * readers the live views use, while the fold holds exactly the events that occurred by it, from
 * the fold's own documents (no copy of them is written or parsed), and the views are let go. The live views are not involved: an evaluation of the past is not the present view
 * filtered, since a view's documents hold only their latest state. A moment that history entered
 * late reaches after it was judged (an event of another stream, recorded later, that occurred by
 * it) is replayed alone. Evaluations in the order of the moments.
 */
export async function evaluateMoments(store: EventStore, copies: IsolatedCopies, moments: readonly string[], progress?: (done: number, total: number) => void): Promise<Evaluation[]> {
  const held: IsolatedCopy[] = [];
  const views = new InMemoryViewStore();
  try {
    const folded = await foldMoments({ store, views, projections: EVALUATED_VIEWS, moments, judge: figuresApart, ...(progress === undefined ? {} : { progress }) });
    const judged = new Map([...folded.judged].map(([at, figures]) => [at, { figures, events: { read: folded.read, applied: folded.applied.get(at) as number } }]));
    for (const [at, alone] of await replayedAlone(store, copies, folded.stale, held)) judged.set(at, alone);
    return moments.map((at) => {
      const { figures, events } = judged.get(at) as Judged;
      return { asOf: at, events, ...figures };
    });
  } finally {
    await views.close();
    for (const copy of held) await copy.discard();
  }
}

/**
 * A moment's figures, apart from the fold's documents: read from them in place (InMemoryViewStore),
 * figures may share parts with documents the fold goes on changing after the moment.
 */
async function figuresApart(views: ViewStore, at: string): Promise<EvaluationFigures> {
  return structuredClone(await evaluationFigures(views, at));
}

/** Moments history entered late reached after they were judged: each replayed into a copy of its own, from one more read. */
async function replayedAlone(store: EventStore, copies: IsolatedCopies, moments: readonly string[], held: IsolatedCopy[]): Promise<Map<string, Judged>> {
  const replayed = new Map<string, Judged>();
  if (moments.length === 0) return replayed;
  const targets: IsolatedCopy[] = [];
  for (let moment = 0; moment < moments.length; moment += 1) targets.push(await copies(randomUUID()));
  held.push(...targets);
  const figures = await replayViewsAt({ store, projections: EVALUATED_VIEWS, moments: targets.map((copy, index) => ({ target: copy.views, asOf: { kind: 'time', at: moments[index] as string } })) });
  for (const [index, at] of moments.entries()) {
    const replay = figures[index];
    replayed.set(at, { figures: await evaluationFigures((targets[index] as IsolatedCopy).views, at), events: { read: replay?.eventsRead ?? 0, applied: replay?.eventsApplied ?? 0 } });
  }
  return replayed;
}

/** One moment's figures, read from views that hold the events as of it (and no later ones). */
export async function evaluationFigures(views: ViewStore, at: string): Promise<EvaluationFigures> {
  const national = new NationalViewReader(views);
  const nationalView = await national.read(at);
  const practices = [];
  for (const figures of nationalView.practices) {
    practices.push(practiceEvaluation(figures, await national.spread(figures.practiceId, { asOf: at })));
  }
  const regional = new RegionalViewReader(views);
  const regions: RegionEvaluation[] = [];
  for (const { shaCode } of nationalView.variation.regions) {
    const view = await regional.read(shaCode, { asOf: at, now: at, stalledDays: STALLED_DAYS });
    if (view !== undefined) regions.push(regionEvaluation(view));
  }
  return { teamsRegistered: nationalView.teamsRegistered, practices, regions, variation: nationalView.variation };
}
