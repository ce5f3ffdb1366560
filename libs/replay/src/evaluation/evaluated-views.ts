import type { SpiralEvent } from '@spiral/event-catalogue';
import { nationalViewProjection } from '@spiral/national';
import type { Projection } from '@spiral/projections';
import { regionalViewProjection } from '@spiral/regional';

/** What an evaluation reads: the regional and national views, nothing else. */
export const EVALUATED_VIEWS: readonly Projection[] = [regionalViewProjection, nationalViewProjection];

/**
 * Spiral events that move nothing of a spiral's summary but its activity (revision, last event):
 * its step, liveness, adoption and gains stay as they were (the summary's fold, foldSpiralEvent;
 * evaluated-views.unit.spec.ts holds every one of them to it, at every step).
 */
export const ACTIVITY_ONLY_SPIRAL_EVENTS: ReadonlySet<SpiralEvent['type']> = new Set([
  'MeasurementRecorded',
  'ChangeSupportSecured',
  'ChangeCycleCompleted',
  'RebaseConfirmed',
  'SustainabilityAssessed',
]);

/** The projection, its events of the types given left out. */
function without(projection: Projection, left: ReadonlySet<string>): Projection {
  return { ...projection, eventTypes: new Set([...projection.eventTypes].filter((type) => !left.has(type))) };
}

/**
 * The views as an evaluation folds them: the same projections (their collections, their readers),
 * without the spiral events that only move a spiral's activity, which these views read for stalled
 * spirals and for the latest event alone: an evaluation reads neither (evaluate-moments.ts), so
 * every figure it takes is the same. evaluated-views.int.spec.ts holds the views folded so to the
 * whole views, and the property test of evaluate-moments.int.spec.ts each moment to a replay of the
 * whole views. The national view reads a measurement beyond the summary (a point of the spiral's
 * measure, for its impact), so folds those. The events left out are four fifths of the default
 * seed's in the regional view (its measurements above all), a tenth in the national one; folding
 * them was about a fifth of an evaluation (profiled).
 */
export const FOLDED_FOR_EVALUATION: readonly Projection[] = [
  without(regionalViewProjection, ACTIVITY_ONLY_SPIRAL_EVENTS),
  without(nationalViewProjection, new Set([...ACTIVITY_ONLY_SPIRAL_EVENTS].filter((type) => type !== 'MeasurementRecorded'))),
];
