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

/**
 * The regional view as an evaluation folds it: the same projection (its collections, its reader),
 * without the spiral events that only move a spiral's activity. The regional view reads activity
 * for its stalled spirals alone, which an evaluation leaves out (evaluate-moments.ts), so every
 * figure an evaluation takes from it is the same; the property test of
 * evaluate-moments.int.spec.ts holds each moment to a replay of the whole view. Those events are
 * four fifths of the default seed's (its measurements above all), and folding them into the
 * regional view was about a fifth of an evaluation (profiled). The national view folds every event:
 * its measurements are its adopting spirals' points, whose impact it reports.
 */
const regionalViewAsEvaluated: Projection = {
  ...regionalViewProjection,
  eventTypes: new Set([...regionalViewProjection.eventTypes].filter((type) => !(ACTIVITY_ONLY_SPIRAL_EVENTS as ReadonlySet<string>).has(type))),
};

/** The projections an evaluation folds into its own copy: what each reader of EVALUATED_VIEWS needs of them. */
export const FOLDED_FOR_EVALUATION: readonly Projection[] = [regionalViewAsEvaluated, nationalViewProjection];
