import { NationalViewReader, nationalViewProjection } from '@spiral/national';
import type { EventStore, ViewStore } from '@spiral/ports';
import { RegionalViewReader, regionalViewProjection } from '@spiral/regional';
import { randomUUID } from 'node:crypto';
import type { IsolatedCopies, IsolatedCopy } from '../isolated-copies';
import { replayViewsAt, type ReplayFigures } from '../replay-views';
import { practiceEvaluation, regionEvaluation, type Evaluation, type RegionEvaluation } from './evaluation';

/** Stalled spirals are not part of an evaluation; the regional reader needs a horizon all the same. */
const STALLED_DAYS = 90;

/**
 * The national and regional views replayed as of each moment (by occurredAt), each into an isolated
 * copy of its own, all from one read of the history; each read with the readers the live views use,
 * judged at its moment, and the copies thrown away. The live views are not involved: an evaluation
 * of the past is not the present view filtered, since a view's documents hold only their latest
 * state. Evaluations in the order of the moments.
 */
export async function evaluateMoments(store: EventStore, copies: IsolatedCopies, moments: readonly string[], progress?: (done: number, total: number) => void): Promise<Evaluation[]> {
  const held: IsolatedCopy[] = [];
  try {
    for (let moment = 0; moment < moments.length; moment += 1) held.push(await copies(randomUUID()));
    const replays = await replayViewsAt({
      store,
      projections: [regionalViewProjection, nationalViewProjection],
      moments: held.map((copy, index) => ({ target: copy.views, asOf: { kind: 'time', at: moments[index] as string } })),
      ...(progress === undefined ? {} : { progress }),
    });
    const evaluations: Evaluation[] = [];
    for (const [index, copy] of held.entries()) {
      evaluations.push(await evaluationOf(copy.views, moments[index] as string, replays[index] as ReplayFigures));
    }
    return evaluations;
  } finally {
    for (const copy of held) await copy.discard();
  }
}

/** One moment's evaluation, read from the views replayed as of it. */
async function evaluationOf(views: ViewStore, at: string, replay: ReplayFigures): Promise<Evaluation> {
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
  return {
    asOf: at,
    events: { read: replay.eventsRead, applied: replay.eventsApplied },
    teamsRegistered: nationalView.teamsRegistered,
    practices,
    regions,
    variation: nationalView.variation,
  };
}
