import type { EventEnvelope } from '@spiral/event-catalogue';
import { appendedResult, positionedEvent, type AppendResult, type CheckedAppend } from '@spiral/ports';
import type { QueuedAppend } from './postgres-group-queue';

/** What one append of a group comes to: its result, or the error that refused it. */
export type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };
/** An append that passed its checks, its rows (if any) still to insert. */
export interface Checked {
  readonly ok: 'checked';
  readonly checked: CheckedAppend;
}

/** An inserted append's result, with the positions the insert gave its events. */
export function resultOf(checked: Extract<CheckedAppend, { duplicate: false }>, positions: ReadonlyMap<string, number>): AppendResult {
  const events: EventEnvelope[] = checked.sealed.map(({ event }) => positionedEvent(event, positions.get(event.eventId) ?? NaN));
  return appendedResult(checked.streamId, events);
}

/** A retry of an append made earlier in the same group: its events take the positions just given. */
export function repositioned(result: AppendResult, positions: ReadonlyMap<string, number>): AppendResult {
  if (!result.events.some((event) => positions.has(event.eventId))) return result;
  const events = result.events.map((event) => ({ ...event, globalPosition: positions.get(event.eventId) ?? event.globalPosition }));
  return { ...result, events, globalPosition: (events[events.length - 1] as EventEnvelope).globalPosition };
}

/** Settles each append of the group with its outcome. */
export function answer(group: readonly QueuedAppend[], outcomes: readonly Outcome[]): void {
  outcomes.forEach((outcome, index) => {
    const queued = group[index] as QueuedAppend;
    if (outcome.ok) queued.resolve(outcome.result);
    else queued.reject(outcome.error);
  });
}
