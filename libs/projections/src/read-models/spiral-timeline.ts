import type { SpiralStep } from '@spiral/event-catalogue';
import type { GainEpisode } from '@spiral/analytics';

/**
 * What a spiral's summary needs to be read as of any moment (issue 17 item 3): each step it
 * entered and each moment it was active, with their occurredAt. Within a stream occurredAt never
 * goes back (SPEC "Events"), so the entries are in time order, and the summary as of a moment is
 * read from those at or before it: the same as folding only the stream's events up to it, which is
 * what a replay as of that moment does.
 */
export type SpiralTimeline = {
  /** The step entered at each change, from the need's recognition on. */
  steps: { step: SpiralStep; at: string }[];
  /** Each distinct occurredAt of the stream's events. */
  activity: string[];
  /**
   * The gains after each change to them, with its occurredAt: a withdrawal takes a gain back only
   * from its own moment on, so the gains as of an earlier moment still hold it, as a replay does.
   */
  gainChanges: { gains: GainEpisode[]; at: string }[];
};

/**
 * The summary after an event, its timeline extended by what the event changed. `after` is the
 * fold's new summary, which shares the timeline's lists with `before`: they are extended in place
 * and `after` is answered itself (the summary is the session's, see ViewSession), since a copy of
 * the summary and of its activity per event made an event's cost grow with its spiral's history.
 */
export function withTimeline<S extends { readonly step: SpiralStep; readonly gains: GainEpisode[] } & Partial<SpiralTimeline>>(before: S | undefined, after: S | undefined, at: string): S | undefined {
  if (after === undefined) return undefined;
  const steps = before?.steps ?? [];
  if (before === undefined || before.step !== after.step) steps.push({ step: after.step, at });
  const activity = before?.activity ?? [];
  if (activity.at(-1) !== at) activity.push(at);
  // The summary's fold makes a new gains list only on a gain event, so identity tells a change.
  const gainsChanged = before === undefined ? after.gains.length > 0 : before.gains !== after.gains;
  const gainChanges = before?.gainChanges ?? [];
  if (gainsChanged) gainChanges.push({ gains: after.gains, at });
  const timeline: SpiralTimeline = { steps, activity, gainChanges };
  return Object.assign(after, timeline);
}
