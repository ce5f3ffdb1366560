import { NationalViewReader, nationalViewProjection } from '@spiral/national';
import type { EventStore } from '@spiral/ports';
import { RegionalViewReader, regionalViewProjection } from '@spiral/regional';
import { randomUUID } from 'node:crypto';
import type { IsolatedCopies } from '../isolated-copies';
import { replayViews } from '../replay-views';
import { practiceEvaluation, regionEvaluation, type Evaluation, type RegionEvaluation } from './evaluation';

/** Stalled spirals are not part of an evaluation; the regional reader needs a horizon all the same. */
const STALLED_DAYS = 90;

/**
 * The national and regional views replayed as of `at` (by occurredAt) into an isolated copy, read
 * with the readers the live views use, judged at `at`, and the copy thrown away. The live views are
 * not involved: an evaluation of the past is not the present view filtered, since a view's documents
 * hold only their latest state.
 */
export async function evaluateAsOf(store: EventStore, copies: IsolatedCopies, at: string, progress?: (done: number, total: number) => void): Promise<Evaluation> {
  const copy = await copies(randomUUID());
  try {
    const replay = await replayViews({
      store,
      projections: [regionalViewProjection, nationalViewProjection],
      target: copy.views,
      asOf: { kind: 'time', at },
      ...(progress === undefined ? {} : { progress }),
    });
    const national = new NationalViewReader(copy.views);
    const nationalView = await national.read(at);
    const practices = [];
    for (const figures of nationalView.practices) {
      practices.push(practiceEvaluation(figures, await national.spread(figures.practiceId, { asOf: at })));
    }
    const regional = new RegionalViewReader(copy.views);
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
  } finally {
    await copy.discard();
  }
}
