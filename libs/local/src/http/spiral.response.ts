import type { AppraisedOption, EventEnvelope, Measure, SpiralEvent, SpiralOutcome, SpiralStep, Trigger } from '@spiral/event-catalogue';
import type { RecognisedSpiral, SpiralAdoption, SpiralGain } from '../domain/spiral/spiral.state';
import { historyOf, type HistoryEntry } from './stream-history';

/**
 * GET /spirals/:id: the spiral as its stream stands; `revision` is for If-Match. The SPC `chart`
 * of SPEC "HTTP API" is left out until the chart is computed; nothing here is estimated.
 */
export interface SpiralResponse {
  readonly id: string;
  readonly revision: number;
  readonly step: SpiralStep;
  readonly teamId: string;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly title: string;
  readonly measure: Measure;
  readonly baseline: number;
  readonly target: number;
  readonly trigger: Trigger;
  readonly gap: string;
  readonly parentSpiralId?: string;
  readonly options: readonly AppraisedOption[];
  /** Null until an option is adopted. */
  readonly adoption: SpiralAdoption | null;
  /** How many change cycles were completed. */
  readonly cycles: number;
  /** Every point, in period order. */
  readonly measurements: readonly { readonly period: string; readonly value: number }[];
  readonly gains: readonly SpiralGain[];
  /** Set once the spiral is closed. */
  readonly outcome?: SpiralOutcome;
  readonly history: readonly HistoryEntry[];
}

export function spiralResponse(spiral: RecognisedSpiral, events: readonly EventEnvelope[]): SpiralResponse {
  const { spiralId, step, teamId, orgCode, shaCode, title, measure, baseline, target, trigger, gap, parentSpiralId } = spiral;
  return {
    id: spiralId,
    revision: events.length - 1,
    step,
    teamId,
    orgCode,
    shaCode,
    title,
    measure,
    baseline,
    target,
    trigger,
    gap,
    ...(parentSpiralId === undefined ? {} : { parentSpiralId }),
    options: spiral.options,
    adoption: spiral.adoption ?? null,
    cycles: spiral.cycleCount,
    measurements: measurementsOf(events),
    gains: spiral.gains,
    ...(spiral.outcome === undefined ? {} : { outcome: spiral.outcome }),
    history: historyOf(events),
  };
}

/** The state keeps only which periods exist; the values are read from the points themselves. */
function measurementsOf(events: readonly EventEnvelope[]): { period: string; value: number }[] {
  // Stored events passed their schema on append, as foldHistory also relies on.
  return (events as readonly unknown[] as readonly SpiralEvent[])
    .flatMap((event) => (event.type === 'MeasurementRecorded' ? [{ period: event.data.period, value: event.data.value }] : []))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}
