import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore, FeedConsumerOptions, FeedSubscription } from '@spiral/ports';
import { Subscription } from 'rxjs';

export interface RetryPolicy {
  /** Wait before the first redelivery of a failed batch; doubles on each failure up to the max. */
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
}

export interface FeedLogger {
  warn(message: string): void;
}

/**
 * One consumer of the in-process feed: a queue filled from the store's subscription and emptied
 * batch by batch, one batch in flight at a time. Events that arrive while the handler is busy are
 * batched together, so a slow projector catches up in large batches without delay on idle ones.
 * The queue is bounded: when it is full the subscription is dropped and later re-opened from the
 * last queued position, which is how a push Observable gets back-pressure on a long catch-up.
 */
export class InProcessFeedConsumer implements FeedSubscription {
  private readonly queue: EventEnvelope[] = [];
  private readonly maxBatchSize: number;
  private readonly highWater: number;
  private lastQueued: number;
  private source: Subscription | undefined;
  private pumping: Promise<void> | undefined;
  private stopped = false;
  private wakeFromBackoff: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly options: FeedConsumerOptions & { readonly maxBatchSize: number },
    private readonly retry: RetryPolicy,
    private readonly logger: FeedLogger,
  ) {
    this.maxBatchSize = options.maxBatchSize;
    this.highWater = options.maxBatchSize * 4;
    this.lastQueued = options.after;
  }

  start(): void {
    this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.source?.unsubscribe();
    this.source = undefined;
    this.wakeFromBackoff?.();
    await this.pumping;
  }

  private listen(): void {
    // The holder exists before the store's subscription does, so a store that emits synchronously
    // inside subscribe() can still be paused by enqueue().
    const source = new Subscription();
    this.source = source;
    const events = this.store.subscribeToAll(this.lastQueued).subscribe({
      next: (event) => this.enqueue(event),
      error: (error: unknown) => {
        this.logger.warn(`feed group ${this.options.group}: subscription failed, reopening: ${describe(error)}`);
        if (this.source === source) this.source = undefined;
        setTimeout(() => this.relisten(), this.retry.retryDelayMs);
      },
    });
    source.add(events);
  }

  private relisten(): void {
    if (!this.stopped && this.source === undefined) this.listen();
  }

  private enqueue(event: EventEnvelope): void {
    if (this.stopped || event.globalPosition <= this.lastQueued) return;
    this.queue.push(event);
    this.lastQueued = event.globalPosition;
    if (this.queue.length >= this.highWater) {
      this.source?.unsubscribe();
      this.source = undefined;
    }
    this.kick();
  }

  private kick(): void {
    if (this.pumping !== undefined || this.stopped) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      // An event queued after the loop's last look would otherwise wait for the next one.
      if (this.queue.length > 0) this.kick();
    });
  }

  private async pump(): Promise<void> {
    while (!this.stopped && this.queue.length > 0) {
      const batch = this.queue.slice(0, this.maxBatchSize);
      if (!(await this.deliver(batch))) return;
      this.queue.splice(0, batch.length);
      if (this.queue.length <= this.highWater / 2) this.relisten();
    }
  }

  /** Hands the batch over until it is handled (true) or the consumer stops (false). */
  private async deliver(batch: readonly EventEnvelope[]): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handle(batch);
        return true;
      } catch (error) {
        if (this.stopped) return false;
        const delay = Math.min(this.retry.retryDelayMs * 2 ** (attempt - 1), this.retry.maxRetryDelayMs);
        const range = `${batch[0]?.globalPosition}..${batch[batch.length - 1]?.globalPosition}`;
        this.logger.warn(
          `feed group ${this.options.group}: batch ${range} failed (attempt ${attempt}), retrying in ${delay} ms: ${describe(error)}`,
        );
        await this.backoff(delay);
        if (this.stopped) return false;
      }
    }
  }

  private backoff(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeFromBackoff = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
