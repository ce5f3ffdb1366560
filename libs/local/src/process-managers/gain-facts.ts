import type { EventEnvelope } from '@spiral/event-catalogue';
import { gainsFrom, SpcInputError, type GainFact } from '@spiral/spc';
import { chartInputOf, seriesOf, SERIES_EVENT_TYPES } from '../projections/spiral-series';

/**
 * The gain facts a spiral's measure shows, from its stream (SPEC "A spiral's gain follows from its
 * chart"); none when the series cannot be charted (the spiral view records why).
 */
export function gainFactsOf(events: readonly EventEnvelope[]): GainFact[] {
  const series = seriesOf(events);
  // Without an adoption there is no gain (gainsFrom agrees); asked first, it spares checking every point.
  if (series === undefined || series.adoptedAt === null) return [];
  try {
    return gainsFrom(chartInputOf(series));
  } catch (error) {
    if (error instanceof SpcInputError) return [];
    throw error;
  }
}

/**
 * One gain fact is one fact whatever rule later readings cite for it: its kind and its first period,
 * the same pair its idempotency key is made of, so a fact recorded once is never asked for again.
 */
export function gainKey(kind: GainFact['fact'], periods: readonly string[]): string {
  return `${kind}:${periods[0] ?? ''}`;
}

export const factKey = (fact: GainFact): string => gainKey(fact.fact, fact.periods);

/**
 * The event whose arrival made the fact true: the first point, adoption or rebase of the stream after
 * which the fact holds. Found by bisection over those events: while points arrive in period order,
 * a fact once shown stays shown (gainsFrom's contract), so "holds after event k" is monotone in k.
 * A point entered late can break that (it may undo a fact, and another may restore it); the
 * bisection then still lands on an event after which the fact holds. This is what the recorded
 * gain cites as its cause, however late the manager reads the stream.
 */
export function firingEvent(fact: GainFact, events: readonly EventEnvelope[]): EventEnvelope | undefined {
  const triggers = events.flatMap((event, index) => ((SERIES_EVENT_TYPES as readonly string[]).includes(event.type) ? [index] : []));
  const key = factKey(fact);
  const holdsAfter = (k: number): boolean => gainFactsOf(events.slice(0, triggers[k]! + 1)).some((candidate) => factKey(candidate) === key);
  // Handled live, a fact is usually fired by the latest trigger: one probe settles it.
  if (triggers.length > 1 && !holdsAfter(triggers.length - 2)) return events[triggers.at(-1)!];
  let low = 0;
  let high = triggers.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holdsAfter(middle)) high = middle;
    else low = middle + 1;
  }
  const index = triggers[low];
  return index === undefined ? events.at(-1) : events[index];
}
