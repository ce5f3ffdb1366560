import type { EventEnvelope, SpiralEvent } from '@spiral/event-catalogue';

export interface Point {
  readonly period: string;
  readonly value: number;
}

/** Every point of a spiral's stream in period order: the state keeps only which periods exist. */
export function measurementsOf(events: readonly EventEnvelope[]): Point[] {
  // Stored events passed their schema on append, as foldHistory also relies on.
  return (events as readonly unknown[] as readonly SpiralEvent[])
    .flatMap((event) => (event.type === 'MeasurementRecorded' ? [{ period: event.data.period, value: event.data.value }] : []))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}
