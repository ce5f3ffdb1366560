import { InMemoryViewStore } from '@spiral/adapters-embedded';
import {
  ChangeCycleCompleted,
  ChangeSupportSecured,
  MeasurementRecorded,
  RebaseConfirmed,
  streamKindOf,
  SustainabilityAssessed,
  type DomainEvent,
  type EventEnvelope,
} from '@spiral/event-catalogue';
import { NATIONAL_COLLECTIONS } from '@spiral/national';
import type { ViewDocument } from '@spiral/ports';
import { storedCollection, type Projection } from '@spiral/projections';
import { datedHistoryArbitrary, storeHolding } from '@spiral/projections/testing';
import { REGIONAL_COLLECTIONS } from '@spiral/regional';
import fc from 'fast-check';
import { ACTIVITY_ONLY_SPIRAL_EVENTS, EVALUATED_VIEWS, FOLDED_FOR_EVALUATION } from './evaluated-views';
import { foldMoments } from './moments-fold';

/** One event of each type an evaluation may leave out, on the spiral's stream. */
const ACTIVITY: Record<string, (spiralId: string, at: string) => DomainEvent> = {
  MeasurementRecorded: (spiralId, at) => MeasurementRecorded.create({ spiralId, period: at.slice(0, 10), value: 50 }),
  ChangeSupportSecured: (spiralId) => ChangeSupportSecured.create({ spiralId, resources: ['two days'], improvementTeam: [{ role: 'nurse', skills: ['PDSA'] }], sponsor: 'Director of Nursing' }),
  ChangeCycleCompleted: (spiralId) => ChangeCycleCompleted.create({ spiralId, cycleNumber: 1, plan: 'Plan.', prediction: 'Faster.', observed: 'Faster.', learning: 'Learned.', decision: 'adapt' }),
  RebaseConfirmed: (spiralId, at) => RebaseConfirmed.create({ spiralId, fromPeriod: at.slice(0, 10), reason: 'The new process started.' }),
  SustainabilityAssessed: (spiralId) => SustainabilityAssessed.create({ spiralId, assessedBy: 'lead', factors: { seniorLeadership: 'a', clinicalLeadership: 'b' } }),
};

/** The history with an event of the type chosen after each spiral event given one (revisions renumbered per stream). */
function withActivity(history: readonly EventEnvelope[], added: readonly (string | null)[]): EventEnvelope[] {
  const revisions = new Map<string, number>();
  const renumbered = (event: Omit<EventEnvelope, 'streamRevision'>): EventEnvelope => {
    const streamRevision = (revisions.get(event.streamId) ?? -1) + 1;
    revisions.set(event.streamId, streamRevision);
    return { ...event, streamRevision };
  };
  return history.flatMap((event, index) => {
    const type = added[index];
    if (type === undefined || type === null || streamKindOf(event.streamId) !== 'spiral') return [renumbered(event)];
    const { type: addedType, data } = (ACTIVITY[type] as (spiralId: string, at: string) => DomainEvent)((event.data as { spiralId: string }).spiralId, event.occurredAt);
    return [renumbered(event), renumbered({ ...event, eventId: `${event.eventId}-${type}`, type: addedType, data })];
  });
}

/** Every document of the projection's collections, folded from the whole store. */
async function foldedViews(history: readonly EventEnvelope[], projection: Projection): Promise<Record<string, ViewDocument[]>> {
  const store = await storeHolding(history);
  const views = new InMemoryViewStore();
  try {
    await foldMoments({ store, views, projections: [projection], moments: ['2030-01-01T00:00:00.000Z'] });
    const entries = await Promise.all(projection.collections.map(async (collection) => [collection, await views.find(storedCollection(projection, collection))] as const));
    return Object.fromEntries(entries);
  } finally {
    await store.close();
  }
}

/** Each view's collections of spiral summaries and of its change stamp. */
const KEPT_APART = [REGIONAL_COLLECTIONS, NATIONAL_COLLECTIONS].map(({ spirals, changes }) => ({ spirals, changes }));

/** What an evaluation reads of a view: all but its change stamp, and of each spiral all but its activity. */
function evaluated(views: Record<string, ViewDocument[]>, { spirals, changes }: { spirals: string; changes: string }): Record<string, unknown[]> {
  const { [spirals]: summaries, [changes]: _stamp, ...rest } = views;
  const withoutActivity = (summaries ?? []).map(({ revision: _revision, lastEventAt: _last, activity: _activity, ...summary }) => summary);
  return { ...rest, [spirals]: withoutActivity };
}

const scenario = datedHistoryArbitrary.chain((history) =>
  fc.record({ history: fc.constant(history), added: fc.array(fc.option(fc.constantFrom(...ACTIVITY_ONLY_SPIRAL_EVENTS), { nil: null }), { minLength: history.length, maxLength: history.length }) }),
);

describe('the views an evaluation folds, against the whole views', () => {
  it('hold everything an evaluation reads as the whole views do, however many events that only move activity there are (property)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ history, added }) => {
        const busy = withActivity(history, added);
        for (const [index, projection] of FOLDED_FOR_EVALUATION.entries()) {
          const [folded, whole] = [await foldedViews(busy, projection), await foldedViews(busy, EVALUATED_VIEWS[index] as Projection)];
          const apart = KEPT_APART[index] as (typeof KEPT_APART)[number];
          expect(evaluated(folded, apart)).toEqual(evaluated(whole, apart));
          expect(folded[apart.spirals]).toHaveLength((whole[apart.spirals] as ViewDocument[]).length);
        }
      }),
      { numRuns: 25 },
    );
  });
});
