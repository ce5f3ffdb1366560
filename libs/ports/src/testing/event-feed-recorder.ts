import type { EventEnvelope } from '@spiral/event-catalogue';
import type { FeedBatchHandler } from '../event-feed.port';
import type { FeedOrdering } from './harness';

/**
 * A consumer's handler that records what it is given. Only events of the test's own streams count,
 * so the suite can run on a shared broker; `fail` lets a test make chosen deliveries throw.
 */
export class FeedRecorder {
  /** Every call, failed or not, with the whole batch as delivered. */
  readonly attempts: EventEnvelope[][] = [];
  /** The test's own events of the batches that were handled, in delivery order, repeats included. */
  readonly handledEvents: EventEnvelope[] = [];

  constructor(
    private readonly streams: ReadonlySet<string>,
    private readonly fail: (batch: readonly EventEnvelope[]) => boolean = () => false,
    private readonly work: () => Promise<void> = async () => {},
  ) {}

  readonly handle: FeedBatchHandler = async (batch) => {
    this.attempts.push([...batch]);
    if (this.fail(batch)) throw new Error('the handler failed on purpose');
    await this.work();
    this.handledEvents.push(...batch.filter((event) => this.streams.has(event.streamId)));
  };

  /** The test's own events handled, each once, in the order first handled. */
  handled(): EventEnvelope[] {
    const seen = new Set<string>();
    return this.handledEvents.filter((event) => !seen.has(event.eventId) && seen.add(event.eventId));
  }
}

/** Fails the test unless the events keep the order the feed promises. */
export function expectOrdered(events: readonly EventEnvelope[], ordering: FeedOrdering): void {
  const lastRevision = new Map<string, number>();
  let lastPosition = -Infinity;
  for (const event of events) {
    expect(event.streamRevision).toBeGreaterThan(lastRevision.get(event.streamId) ?? -1);
    lastRevision.set(event.streamId, event.streamRevision);
    if (ordering === 'global') expect(event.globalPosition).toBeGreaterThan(lastPosition);
    lastPosition = event.globalPosition;
  }
}

/** The same events, whatever order they came in, compared by id. */
export function sameEvents(events: readonly EventEnvelope[]): string[] {
  return events.map((event) => event.eventId).sort();
}
