import type { EventEnvelope } from '@spiral/event-catalogue';
import type { ViewDocument } from '@spiral/ports';
import type { Projection } from './projection';

/**
 * Where a projection keeps the events it gave up on (its dead letters), beside its views and
 * versioned with them. One collection per projection, like its applied revisions.
 */
export function parkedEventsOf(projection: Pick<Projection, 'name'>): string {
  return `parked_events__${projection.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** One parked event: the envelope itself, so it can be replayed without the event store, and why. */
export interface ParkedEvent extends ViewDocument {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: string;
  readonly event: EventEnvelope;
}

export interface ParkingPolicy {
  /**
   * Failed deliveries of one event before it is parked and the rest flows on. Counted only while
   * the view store answers, so an outage of the store itself never parks a healthy event.
   */
  readonly parkAfterAttempts: number;
}

/** Three deliveries: with the in-process feed's doubling backoff from 200 ms, parked within about a second. */
export const DEFAULT_PARKING: ParkingPolicy = { parkAfterAttempts: 3 };

/**
 * The runner's memory of events that failed: how often each failed, and which it has decided to
 * park in the batch being retried. Kept in memory only: after a restart an event gets its attempts
 * again, which delays parking and never loses an event.
 */
export class PoisonEvents {
  private readonly failures = new Map<string, number>();
  private readonly toPark = new Map<string, { error: string; attempts: number }>();

  constructor(private readonly policy: ParkingPolicy) {}

  /** Records one failure; true when the event has now failed often enough to be parked. */
  failed(event: EventEnvelope, error: unknown): boolean {
    const attempts = (this.failures.get(event.eventId) ?? 0) + 1;
    this.failures.set(event.eventId, attempts);
    if (attempts < this.policy.parkAfterAttempts) return false;
    this.toPark.set(event.eventId, { error: describeFailure(error), attempts });
    return true;
  }

  isParked(event: EventEnvelope): boolean {
    // Asked of every event of every projection, and nearly always of none parked.
    return this.toPark.size > 0 && this.toPark.has(event.eventId);
  }

  /** The dead letter of an event decided parked, for the batch's commit. */
  deadLetter(event: EventEnvelope, parkedAt: string): ParkedEvent {
    const why = this.toPark.get(event.eventId) ?? { error: 'unknown', attempts: 0 };
    const { eventId, streamId, streamRevision, globalPosition, type } = event;
    return { eventId, streamId, streamRevision, globalPosition, type, error: why.error, attempts: why.attempts, parkedAt, event };
  }

  /** Forgets what a committed batch settled: its events applied or parked. */
  settled(events: readonly EventEnvelope[]): void {
    for (const event of events) {
      this.failures.delete(event.eventId);
      this.toPark.delete(event.eventId);
    }
  }
}

export function describeFailure(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 4_000);
}
