import type { PendingEvent } from '@spiral/event-catalogue';
import type { AppendResult, ExpectedRevision } from '@spiral/ports';

export interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly PendingEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Events in one group at most (an append larger than this is a group of its own). Small enough that
 * a burst of appends makes at least two groups, one checked and sealed while the other commits
 * (PostgresGroupCommit); large enough that a group's lock, round trips and WAL flush are shared
 * by many appends. Half the distributed bench's 500 appenders; a sweep of 128 / 256 / 512 on the
 * shared machine could not tell them apart through its noise, so the bound is reasoned, not tuned.
 */
export const MAX_GROUP_EVENTS = 256;

/** Takes the next group off the front of the queue, in order. */
export function nextGroup(queue: QueuedAppend[]): QueuedAppend[] {
  let taken = 0;
  let events = 0;
  while (taken < queue.length && (taken === 0 || events + (queue[taken]?.events.length ?? 0) <= MAX_GROUP_EVENTS)) {
    events += queue[taken]?.events.length ?? 0;
    taken++;
  }
  return queue.splice(0, taken);
}

/** Whether two groups touch a common stream or event id (then the later one's checks must see the earlier one's rows). */
export function sharesKeys(group: readonly QueuedAppend[], other: readonly QueuedAppend[]): boolean {
  const streams = new Set(other.map(({ streamId }) => streamId));
  const eventIds = new Set(other.flatMap(({ events }) => events.map(({ eventId }) => eventId)));
  return group.some(({ streamId, events }) => streams.has(streamId) || events.some(({ eventId }) => eventIds.has(eventId)));
}
