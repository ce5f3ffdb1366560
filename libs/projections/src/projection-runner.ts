import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Clock, EventFeed, EventStore, FeedSubscription, ViewStore } from '@spiral/ports';
import { appliedRevisionsOf, unappliedEvents } from './applied-events';
import { BatchViewSession } from './batch-view-session';
import { projectionKey, type Projection } from './projection';

export interface ProjectionStatus {
  readonly projection: string;
  /** Global position of the last event applied. */
  readonly position: number;
  /** Events stored but not yet applied. */
  readonly eventsBehind: number;
  /** How long the oldest unapplied event has waited, in seconds; 0 when current. */
  readonly secondsBehind: number;
  readonly running: boolean;
}

/**
 * Feeds one projection from the event feed: each batch's view changes and its checkpoint are
 * committed together, so after a crash the views resume exactly where they stand. What was applied
 * already is skipped (by position on a globally ordered feed, by stream revision on one ordered per
 * stream), so a redelivered batch changes nothing.
 */
export class ProjectionRunner {
  private position = 0;
  private subscription: FeedSubscription | undefined;

  constructor(
    readonly projection: Projection,
    private readonly feed: EventFeed,
    private readonly views: ViewStore,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly maxBatchSize = 500,
  ) {}

  /** Replays and tests drive apply() directly in global order; only a live feed may be per stream. */
  private get ordering() {
    return this.feed.ordering ?? 'global';
  }

  get key(): string {
    return projectionKey(this.projection);
  }

  async start(): Promise<void> {
    this.position = await this.views.checkpoint(this.key);
    this.subscription = await this.feed.consume({
      group: this.key,
      // A feed ordered per stream resumes from its own offsets; a position would hide other streams.
      after: this.ordering === 'global' ? this.position : 0,
      maxBatchSize: this.maxBatchSize,
      handle: (batch) => this.apply(batch),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** Applies one batch and commits it with its checkpoint; public so replays and tests drive it directly. */
  async apply(batch: readonly EventEnvelope[]): Promise<void> {
    const session = new BatchViewSession(this.views, this.projection);
    const fresh = await unappliedEvents(batch, this.ordering, this.position, session, appliedRevisionsOf(this.projection));
    if (fresh.length === 0) return;
    for (const event of fresh) {
      if (this.projection.eventTypes.has(event.type)) await this.projection.apply(event, session);
    }
    // On a per-stream feed the position is the furthest applied: exact for lag once caught up.
    const position = Math.max(this.position, ...fresh.map((event) => event.globalPosition));
    await this.views.commit(this.key, session.changes(), position);
    this.position = position;
  }

  async status(): Promise<ProjectionStatus> {
    const head = await this.store.headPosition();
    let secondsBehind = 0;
    if (head > this.position) {
      for await (const next of this.store.readAll({ after: this.position, pageSize: 1 })) {
        secondsBehind = Math.max(0, (Date.parse(this.clock.now()) - Date.parse(next.recordedAt)) / 1000);
        break;
      }
    }
    return {
      projection: this.key,
      position: this.position,
      eventsBehind: Math.max(0, head - this.position),
      secondsBehind,
      running: this.subscription !== undefined,
    };
  }
}
