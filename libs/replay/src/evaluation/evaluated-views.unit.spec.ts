import { streamIds, streamKindOf, type EventEnvelope } from '@spiral/event-catalogue';
import { foldSpiralEvent, type SpiralSummary } from '@spiral/projections';
import { datedHistoryArbitrary } from '@spiral/projections/testing';
import fc from 'fast-check';
import { ACTIVITY_ONLY_SPIRAL_EVENTS, EVALUATED_VIEWS, FOLDED_FOR_EVALUATION } from './evaluated-views';

/** Every summary a spiral of the history passes through, folded event by event from its stream. */
function summariesOf(history: readonly EventEnvelope[]): SpiralSummary[] {
  const latest = new Map<string, SpiralSummary>();
  const passed: SpiralSummary[] = [];
  for (const event of history) {
    if (streamKindOf(event.streamId) !== 'spiral') continue;
    const next = foldSpiralEvent(latest.get(event.streamId), event);
    if (next === undefined) continue;
    latest.set(event.streamId, next);
    passed.push(next);
  }
  return passed;
}

/** An event of the type on the summary's stream, a day after its last. */
function eventAfter(summary: SpiralSummary, type: string): EventEnvelope {
  const occurredAt = new Date(Date.parse(summary.lastEventAt) + 86_400_000).toISOString();
  return { type, data: { spiralId: summary.spiralId }, occurredAt, streamId: streamIds.spiral(summary.spiralId), streamRevision: summary.revision + 1 } as EventEnvelope;
}

describe('the views an evaluation folds', () => {
  it('are the evaluated views without the spiral events that only move activity, the national one with measurements', () => {
    expect(FOLDED_FOR_EVALUATION.map((projection) => [projection.name, projection.version])).toEqual(EVALUATED_VIEWS.map((projection) => [projection.name, projection.version]));
    const [regional, national] = FOLDED_FOR_EVALUATION as [(typeof FOLDED_FOR_EVALUATION)[number], (typeof FOLDED_FOR_EVALUATION)[number]];
    const [regionalWhole, nationalWhole] = EVALUATED_VIEWS as [(typeof EVALUATED_VIEWS)[number], (typeof EVALUATED_VIEWS)[number]];
    const left = (whole: ReadonlySet<string>, folded: ReadonlySet<string>) => [...whole].filter((type) => !folded.has(type)).sort();
    expect(left(regionalWhole.eventTypes, regional.eventTypes)).toEqual([...ACTIVITY_ONLY_SPIRAL_EVENTS].sort());
    // The national view reads a measurement beyond the summary: a point of the spiral's measure.
    expect(left(nationalWhole.eventTypes, national.eventTypes)).toEqual([...ACTIVITY_ONLY_SPIRAL_EVENTS].filter((type) => type !== 'MeasurementRecorded').sort());
  });

  it('leave out only events that change nothing of a spiral but its revision and last event, at every step a spiral passes (property)', () => {
    fc.assert(
      fc.property(datedHistoryArbitrary, (history) => {
        const summaries = summariesOf(history);
        expect(summaries.length).toBeGreaterThan(0);
        for (const before of summaries) {
          for (const type of ACTIVITY_ONLY_SPIRAL_EVENTS) {
            const event = eventAfter(before, type);
            const after = foldSpiralEvent(before, event) as SpiralSummary;
            expect(after).toEqual({ ...before, revision: event.streamRevision, lastEventAt: event.occurredAt });
            // The views tell a change of gains by the list's identity (withTimeline, withSpiralChange).
            expect(after.gains).toBe(before.gains);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
