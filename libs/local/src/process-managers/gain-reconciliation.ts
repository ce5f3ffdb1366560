import type { EventEnvelope, MeasurementRecorded, RebaseConfirmed } from '@spiral/event-catalogue';
import type { GainFact } from '@spiral/spc';
import type { SpiralGain } from '../domain/spiral/spiral.state';
import { SERIES_EVENT_TYPES } from '../projections/spiral-series';
import { gainFactsOf, gainKey } from './gain-facts';

/**
 * What makes a spiral's recorded gains (net of withdrawals) equal to the facts its chart shows:
 * they agree (kind, rule and periods) up to the first difference; every recorded gain after it is withdrawn, latest first
 * (the decider lets only the latest go), and every fact after it is recorded, in the chart's order.
 * A late point can change any fact after the first it touches, so nothing beyond it is kept.
 */
export function gainReconciliation(recorded: readonly SpiralGain[], facts: readonly GainFact[]): { withdraw: SpiralGain[]; record: GainFact[] } {
  let agreed = 0;
  while (agreed < recorded.length && agreed < facts.length && sameGain(recorded[agreed]!, facts[agreed]!)) agreed += 1;
  return { withdraw: recorded.slice(agreed).reverse(), record: facts.slice(agreed) };
}

/** A recorded gain is the chart's fact when it cites the same kind, rule and periods. */
function sameGain(gain: SpiralGain, fact: GainFact): boolean {
  return gain.kind === fact.fact && gain.rule === fact.rule && gain.periods.length === fact.periods.length && gain.periods.every((period, k) => period === fact.periods[k]);
}

export type UndoingEvent = EventEnvelope<MeasurementRecorded> | EventEnvelope<RebaseConfirmed>;

const isUndoing = (event: EventEnvelope): event is UndoingEvent => event.type === 'MeasurementRecorded' || event.type === 'RebaseConfirmed';

/** The period an undoing event cites: the point's own, or the rebase's first. */
export function undoingPeriodOf(event: UndoingEvent): string {
  return 'period' in event.data ? event.data.period : event.data.fromPeriod;
}

/**
 * The event that undid a recorded gain: the first point or rebase stored after the gain's own event
 * whose arrival left the chart without the gain's fact. Scanned forward from the gain, so the cost
 * is the points since it (one, when the manager keeps up). When the fact never held (a gain the
 * chart never showed), the latest point or rebase is cited: it is what the chart is judged on now.
 */
export function undoingEvent(gain: SpiralGain, events: readonly EventEnvelope[]): UndoingEvent | undefined {
  const key = gainKey(gain.kind, gain.periods);
  const gainType = { achieved: 'GainAchieved', sustained: 'GainSustained', lost: 'GainLost' }[gain.kind];
  const recordedAt = events.findLastIndex((event) => event.type === gainType && gainKey(gain.kind, (event.data as { periods: string[] }).periods) === key);
  for (let index = recordedAt + 1; index < events.length; index += 1) {
    const event = events[index]!;
    if (!(SERIES_EVENT_TYPES as readonly string[]).includes(event.type) || !isUndoing(event)) continue;
    if (!gainFactsOf(events.slice(0, index + 1)).some((fact) => sameGain(gain, fact))) return event;
  }
  return events.findLast(isUndoing);
}
