import type { EventEnvelope, ImprovementDirection } from '@spiral/event-catalogue';
import { SpcInputError, spcChart, type MeasurePoint, type SpcChart, type XmrChartInput } from '@spiral/spc';
import { localEventOf, type LocalEvent, type LocalEventType } from './local-event';

/**
 * What a spiral's SPC chart and gains are computed from (SPEC "Statistical process control"): the
 * measure's improvement direction and target from NeedRecognised, the adoption's occurredAt, every
 * point, and the rebases a person confirmed. The spiral view stores it; the gains process manager
 * folds it from the stream; both hand it to @spiral/spc the same way.
 */
export interface SpiralSeries {
  readonly improvement: ImprovementDirection;
  readonly target: number;
  readonly adoptedAt: string | null;
  /** Sorted by period (YYYY-MM-DD sorts as dates do). */
  readonly points: readonly MeasurePoint[];
  readonly rebases: readonly string[];
}

/** The events after which a spiral's chart and gains must be computed again. */
export const SERIES_EVENT_TYPES: readonly LocalEventType[] = ['MeasurementRecorded', 'OptionAdopted', 'RebaseConfirmed'];

function withPoint(points: readonly MeasurePoint[], point: MeasurePoint): MeasurePoint[] {
  const entry = { period: point.period, value: point.value };
  // Points usually arrive in period order: appended in place (a series is its document's, see
  // ViewSession), as a copy per point made a spiral's every point cost as many as it had.
  const last = points.at(-1);
  if (last === undefined || last.period < point.period) {
    (points as MeasurePoint[]).push(entry);
    return points as MeasurePoint[];
  }
  // The decider refuses a period recorded twice; a replaced one here keeps the chart drawable
  // should a repaired history ever hold one.
  const others = points.filter(({ period }) => period !== point.period);
  const at = others.findIndex(({ period }) => period > point.period);
  return at < 0 ? [...others, entry] : [...others.slice(0, at), entry, ...others.slice(at)];
}

/** A spiral's series starts with its need: the measure's direction and the target, no points yet. */
export function seriesStartedBy(event: Extract<LocalEvent, { type: 'NeedRecognised' }>): SpiralSeries {
  return { improvement: event.data.measure.improvement, target: event.data.target, adoptedAt: null, points: [], rebases: [] };
}

export function seriesAfter(series: SpiralSeries | undefined, event: LocalEvent, occurredAt: string): SpiralSeries | undefined {
  if (event.type === 'NeedRecognised') return seriesStartedBy(event);
  if (series === undefined) return undefined;
  if (event.type === 'OptionAdopted') return { ...series, adoptedAt: occurredAt };
  if (event.type === 'MeasurementRecorded') return { ...series, points: withPoint(series.points, event.data) };
  if (event.type === 'RebaseConfirmed') return { ...series, rebases: [...series.rebases, event.data.fromPeriod] };
  return series;
}

/** The series of a spiral's stream (or of its first events), undefined before NeedRecognised. */
export function seriesOf(events: readonly EventEnvelope[]): SpiralSeries | undefined {
  return events.reduce<SpiralSeries | undefined>((series, event) => seriesAfter(series, localEventOf(event), event.occurredAt), undefined);
}

export function chartInputOf(series: SpiralSeries): XmrChartInput {
  return {
    points: series.points,
    improvement: series.improvement,
    target: series.target,
    ...(series.adoptedAt === null ? {} : { adoptedAt: series.adoptedAt }),
    rebases: series.rebases,
  };
}

/**
 * The chart, or why there is none. Input the library refuses is stored as a problem rather than
 * thrown: a projection that throws holds its whole feed group back on one spiral.
 */
export function chartOf(series: SpiralSeries): { chart: SpcChart | null; chartProblem: string | null } {
  if (series.points.length === 0) return { chart: null, chartProblem: null };
  try {
    return { chart: spcChart(chartInputOf(series)), chartProblem: null };
  } catch (error) {
    if (error instanceof SpcInputError) return { chart: null, chartProblem: error.message };
    throw error;
  }
}
