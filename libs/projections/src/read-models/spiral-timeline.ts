import type { SpiralStep } from '@spiral/event-catalogue';

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
};

/** The summary after an event, its timeline extended by what the event changed. */
export function withTimeline<S extends { readonly step: SpiralStep } & Partial<SpiralTimeline>>(before: S | undefined, after: S | undefined, at: string): S | undefined {
  if (after === undefined) return undefined;
  const timeline: SpiralTimeline = { steps: before?.steps ?? [], activity: before?.activity ?? [] };
  const steps = before?.step === after.step && before !== undefined ? timeline.steps : [...timeline.steps, { step: after.step, at }];
  const activity = timeline.activity.at(-1) === at ? timeline.activity : [...timeline.activity, at];
  return { ...after, steps, activity };
}
