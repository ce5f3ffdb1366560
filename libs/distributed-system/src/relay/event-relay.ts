import { Logger } from '@nestjs/common';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EventFeed, EventStore, ViewStore } from '@spiral/ports';
import type { ProjectionStatus } from '@spiral/projections';
import type { Subscription } from 'rxjs';
import { lagOf } from '../lag';
import { TrailingCheckpoint } from './trailing-checkpoint';

export interface EventRelayOptions {
  /** The checkpoint's name in the view store; two relays with one name would share a position. */
  readonly name: string;
  /**
   * Events per published batch (default 1,000): fewer checkpoints and Kafka requests per event. The
   * Kafka feed splits a batch into requests under the broker's record-batch limit (message.max.bytes)
   * itself, so events larger than the bench's ~700 bytes do not wedge the relay.
   */
  readonly batchSize?: number;
  /** How long an idle relay waits before looking again when no new event rang (default 1 s). */
  readonly idleMs?: number;
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
}

/**
 * Moves stored events to the feed: reads the store after its checkpoint page by page, publishes
 * each batch, and records the last position published in the view store (MongoDB) behind it
 * (TrailingCheckpoint). A crash before the checkpoint caught up publishes those events again:
 * delivery is at least once, and consumers are idempotent. Events are read with readAll rather
 * than taken from the subscription, so memory stays bounded by one batch however far behind the
 * relay is; a subscription from the head only rings
 * the bell when something new is stored. A publish that fails is retried, with a doubling backoff,
 * until it succeeds: an event is never skipped.
 */
export class EventRelay {
  private readonly logger = new Logger(EventRelay.name);
  private position = 0;
  private checkpoint: TrailingCheckpoint | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private bell: Subscription | undefined;
  private ring: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly feed: EventFeed,
    private readonly checkpoints: ViewStore,
    private readonly options: EventRelayOptions,
  ) {}

  async start(): Promise<void> {
    this.position = await this.checkpoints.checkpoint(this.options.name);
    this.checkpoint = new TrailingCheckpoint(this.checkpoints, this.options.name, this.position, (error) =>
      this.logger.warn(`checkpointing ${this.options.name} failed, written again after the next batch or at stop: ${(error as Error).message}`),
    );
    this.running = true;
    this.bell = this.store.subscribeToAll(await this.store.headPosition()).subscribe({ next: () => this.ring?.() });
    this.loop = this.run();
    this.logger.log(`relaying from position ${this.position} as ${this.options.name}`);
  }

  /** Stops after the batch in flight and its checkpoint; what it published but could not checkpoint is published again next time. */
  async stop(): Promise<void> {
    this.running = false;
    this.bell?.unsubscribe();
    this.ring?.();
    await this.loop;
    await this.checkpoint?.flush();
  }

  async status(): Promise<ProjectionStatus> {
    return { projection: this.options.name, running: this.running, ...(await lagOf(this.store, this.position)) };
  }

  private async run(): Promise<void> {
    while (this.running) {
      const relayed = await this.relayWhatIsStored().catch((error: unknown) => {
        this.logger.error(`reading the store failed: ${(error as Error).message}`);
        return 0;
      });
      if (relayed === 0 && this.running) await this.idle();
    }
  }

  /**
   * Pages through what is stored after the position, one batch published while the next is read:
   * reading (the store, decoding) and publishing (encoding, the broker's acknowledgement) overlap
   * instead of taking turns. Only one batch is ever being published, so batches still reach the
   * feed, and their positions the checkpoint, in order.
   */
  private async relayWhatIsStored(): Promise<number> {
    let relayed = 0;
    let publishing: Promise<number> | undefined;
    try {
      for await (const batch of this.storedBatches()) {
        const published = await publishing;
        if (published === 0) return relayed;
        relayed += published ?? 0;
        publishing = this.publish(batch).then((done) => (done ? batch.length : 0));
      }
      relayed += (await publishing) ?? 0;
      publishing = undefined;
      return relayed;
    } finally {
      // A read that failed leaves the batch in flight to finish (or be retried) before the loop goes on.
      await publishing;
    }
  }

  /** What is stored after the position, in batches of batchSize; the next page is read as the last is taken. */
  private async *storedBatches(): AsyncIterable<EventEnvelope[]> {
    const size = this.options.batchSize ?? 1_000;
    let batch: EventEnvelope[] = [];
    for await (const event of this.store.readAll({ after: this.position, pageSize: size })) {
      batch.push(event);
      if (batch.length < size) continue;
      yield batch;
      batch = [];
    }
    if (batch.length > 0) yield batch;
  }

  /** Publishes, retrying until it succeeds, and hands the position to the checkpoint. False when stopped first. */
  private async publish(batch: readonly EventEnvelope[]): Promise<boolean> {
    const last = batch[batch.length - 1] as EventEnvelope;
    let delay = this.options.retryDelayMs ?? 200;
    while (this.running) {
      try {
        await this.feed.publish(batch);
        this.position = last.globalPosition;
        this.checkpoint?.advance(last.globalPosition);
        return true;
      } catch (error) {
        this.logger.warn(`publishing ${batch.length} events up to ${last.globalPosition} failed, retrying in ${delay} ms: ${(error as Error).message}`);
        await this.pause(delay);
        delay = Math.min(delay * 2, this.options.maxRetryDelayMs ?? 10_000);
      }
    }
    return false;
  }

  private idle(): Promise<void> {
    return this.pause(this.options.idleMs ?? 1_000);
  }

  /** Waits for the time given, or less when the bell rings or the relay stops. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.ring = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.ring = done;
    });
  }
}
