import { NationalViewReader } from '@spiral/national';
import type { EventStore, ViewStore } from '@spiral/ports';
import { RegionalViewReader } from '@spiral/regional';
import { randomUUID } from 'node:crypto';
import type { IsolatedCopies } from '../isolated-copies';
import { FOLDED_FOR_EVALUATION } from './evaluated-views';
import { practiceEvaluation, regionEvaluation, type Evaluation, type RegionEvaluation } from './evaluation';
import { foldMoments } from './moments-fold';

/** Stalled spirals are not part of an evaluation; the regional reader needs a horizon all the same. */
const STALLED_DAYS = 90;

export { EVALUATED_VIEWS } from './evaluated-views';

/** An evaluation's figures, judged on views that hold the events as of its moment. */
export type EvaluationFigures = Omit<Evaluation, 'asOf' | 'events'>;

/** The readers the live views use, over one view store. */
interface EvaluationReaders {
  readonly national: NationalViewReader;
  readonly regional: RegionalViewReader;
}

const readersOf = (views: ViewStore): EvaluationReaders => ({ national: new NationalViewReader(views), regional: new RegionalViewReader(views) });

/**
 * The national and regional views as of each moment (by occurredAt), all from ONE fold of the whole
 * history into one isolated copy (foldMoments; of the regional view, what an evaluation reads of
 * it: evaluated-views.ts), then each moment read as of it, with the readers the live views use, and
 * the copy thrown away. The live views are not involved: the copy holds
 * every event up to the head when the evaluation began, whatever the live views have applied. The
 * moments share the readers, so what these derive from the documents (read once) serves them all.
 * Evaluations in the order of the moments.
 */
export async function evaluateMoments(store: EventStore, copies: IsolatedCopies, moments: readonly string[], progress?: (done: number, total: number) => void): Promise<Evaluation[]> {
  const copy = await copies(randomUUID());
  try {
    const folded = await foldMoments({ store, views: copy.views, projections: FOLDED_FOR_EVALUATION, moments, ...(progress === undefined ? {} : { progress }) });
    const readers = readersOf(copy.views);
    const evaluations: Evaluation[] = [];
    for (const at of moments) {
      evaluations.push({ asOf: at, events: { read: folded.read, applied: folded.applied.get(at) as number }, ...(await figuresAt(readers, at)) });
    }
    return evaluations;
  } finally {
    await copy.discard();
  }
}

/** One moment's figures, read as of it from views that hold the events by it (and maybe later ones). */
export function evaluationFigures(views: ViewStore, at: string): Promise<EvaluationFigures> {
  return figuresAt(readersOf(views), at);
}

async function figuresAt({ national, regional }: EvaluationReaders, at: string): Promise<EvaluationFigures> {
  const nationalView = await national.read(at);
  const practices = [];
  for (const figures of nationalView.practices) {
    practices.push(practiceEvaluation(figures, await national.spread(figures.practiceId, { asOf: at })));
  }
  const regions: RegionEvaluation[] = [];
  for (const { shaCode } of nationalView.variation.regions) {
    const view = await regional.read(shaCode, { asOf: at, now: at, stalledDays: STALLED_DAYS });
    if (view !== undefined) regions.push(regionEvaluation(view));
  }
  return { teamsRegistered: nationalView.teamsRegistered, practices, regions, variation: nationalView.variation };
}
