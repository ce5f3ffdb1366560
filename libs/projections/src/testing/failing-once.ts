import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Projection } from '../projection';
import type { ApplyOptions, ProjectionRunner } from '../projection-runner';

/**
 * The projection, but its first application of the last event it reads fails after the events
 * before it in the batch have changed their documents (in place, as projections may): a runner
 * that kept anything of the failed pass would show it twice in the views.
 */
export function failingOnceOnLast(projection: Projection, events: readonly EventEnvelope[]): Projection {
  const last = events.filter((event) => projection.eventTypes.has(event.type)).at(-1);
  let failed = false;
  return {
    ...projection,
    async apply(event, views) {
      if (!failed && event.eventId === last?.eventId) {
        failed = true;
        throw new Error('a transient failure, for the spec');
      }
      await projection.apply(event, views);
    },
  };
}

/** Applies a batch as a feed delivers it: again when it failed. */
export async function applyRedelivering(runner: ProjectionRunner, batch: readonly EventEnvelope[], options?: ApplyOptions): Promise<void> {
  try {
    await runner.apply(batch, options);
  } catch {
    await runner.apply(batch, options);
  }
}
