import type { EventEnvelope } from '@spiral/event-catalogue';
import type { FeedConsumerOptions, FeedSubscription } from '@spiral/ports';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, PartitionAssigner } from 'kafkajs';
import { deliver, type DeliveryContext, type DeliveryItem } from './kafka-batch-delivery';
import type { KafkaDeadLetters } from './kafka-dead-letters';
import { fromMessage, UnreadableMessage } from './kafka-envelope-codec';
import type { FeedLogger, KafkaRetryPolicy } from './kafka-feed-settings';
import { rebalanceRefusal } from './kafka-rebalance';

export interface KafkaConsumerSettings {
  readonly topics: readonly string[];
  readonly policy: KafkaRetryPolicy;
  readonly deadLetters: KafkaDeadLetters;
  readonly logger: FeedLogger;
  /** How the group's partitions are shared, in order of preference; kafkajs's round robin when absent. */
  readonly partitionAssigners?: readonly PartitionAssigner[];
}

/**
 * A member that dies without leaving (kill -9, a lost host) keeps its partitions until its session
 * times out, so the session bounds how long a crashed projector's share stands still: 10 s rather
 * than kafkajs's 30 s (measured: every restart in reliability suite 1 waited 30 s). Batches
 * heartbeat while they are handled, so a slow one does not cost the membership.
 */
const SESSION_TIMEOUT_MS = 10_000;
/** A third of the session or less, as Kafka asks, with room for a missed beat. */
const HEARTBEAT_MS = 1_000;
/**
 * How long a rebalance waits for the members to rejoin before it drops the late ones (kafkajs's
 * default is 60 s). A member rejoins between slices of its batch (see onBatch), so a slice's time
 * bounds the wait; a member that does not come back within this is behind a stalled store and is
 * better dropped than holding up a restarted projector's join.
 */
const REBALANCE_TIMEOUT_MS = 20_000;

/**
 * One member of a Kafka consumer group. kafkajs hands over a partition's fetched messages; they are
 * cut into batches of at most `maxBatchSize`, and each batch's offsets are committed only after the
 * handler resolved (autoCommit and auto-resolve off), so a crash redelivers rather than loses.
 */
export class KafkaFeedConsumer implements FeedSubscription {
  private readonly consumer: Consumer;
  private readonly delivery: DeliveryContext;
  private inFlight: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private heartbeat: () => Promise<void> = () => Promise.resolve();
  /**
   * Set when a heartbeat answers that the group rebalances (a member joined or left): the batch in
   * hand stops after its current slice, so this member rejoins at once. Kafka holds the whole
   * group's join until every member has rejoined, and a member rejoins only between batches: one
   * that went on through its fetched batch (thousands of events on a slow view store) held up a
   * restarted projector's join for up to the rebalance timeout, once per consumer group.
   */
  private rebalancing = false;
  /** The partition whose batch is in flight (kafkajs hands over one at a time by default). */
  private source = { topic: '', partition: -1 };
  /** Wait before starting a consumer kafkajs gave up on; doubles per failed start, reset by a batch. */
  private restartDelayMs: number;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    kafka: Kafka,
    private readonly options: FeedConsumerOptions & { readonly maxBatchSize: number },
    private readonly settings: KafkaConsumerSettings,
  ) {
    // A short fetch wait keeps stop() quick; the broker still answers at once when data arrives.
    this.consumer = kafka.consumer({
      groupId: options.group,
      ...(settings.partitionAssigners ? { partitionAssigners: [...settings.partitionAssigners] } : {}),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 500,
      sessionTimeout: SESSION_TIMEOUT_MS,
      rebalanceTimeout: REBALANCE_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_MS,
    });
    this.delivery = {
      group: options.group,
      handle: options.handle,
      policy: settings.policy,
      logger: settings.logger,
      // A batch failing while the group rebalances is left to the partition's next owner.
      stopping: () => this.stopped || this.rebalancing,
      backoff: (ms) => this.backoff(ms),
      park: (item, error, attempts) => this.park(item.message, error, attempts),
    };
    this.restartDelayMs = settings.policy.retryDelayMs;
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => this.afterCrash(payload.error, payload.restart));
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => (this.rebalancing = false));
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    // A new group reads from the start of each topic; `after` then skips what its views hold.
    await this.consumer.subscribe({ topics: [...this.settings.topics], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.track(this.onBatch(payload)),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.wake?.();
    await this.inFlight;
    await this.consumer.disconnect();
  }

  /**
   * kafkajs restarts a crashed consumer only after an error it deems retriable. "Failed to find group
   * coordinator", met while a restarted broker is still loading its groups, is not, so the consumer
   * would stay stopped for good, silently (kafkajs issues #1445 and #1630; seen in the broker restart
   * suite, test/reliability). Such a consumer is started again here, with a doubling backoff.
   */
  private afterCrash(error: Error, restarting: boolean): void {
    if (restarting || this.stopped) return;
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(delay * 2, this.settings.policy.maxRetryDelayMs);
    this.settings.logger.warn(`feed group ${this.options.group}: the consumer stopped on "${error.message}"; starting it again in ${delay} ms`);
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.start();
      // stop() ran meanwhile: it disconnected before this start connected again.
      if (this.stopped) await this.consumer.disconnect();
    } catch (error) {
      this.afterCrash(error instanceof Error ? error : new Error(String(error)), false);
    }
  }

  private async track(work: Promise<void>): Promise<void> {
    this.inFlight = work;
    try {
      await work;
    } finally {
      if (this.inFlight === work) this.inFlight = undefined;
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    this.restartDelayMs = this.settings.policy.retryDelayMs;
    this.heartbeat = () => payload.heartbeat().catch((error: unknown) => this.noteRebalance(error));
    this.source = { topic: batch.topic, partition: batch.partition };
    const current = () => !this.stopped && !this.rebalancing && payload.isRunning() && !payload.isStale();
    let items: DeliveryItem[] = [];
    for (const message of batch.messages) {
      if (!current()) return;
      let event: EventEnvelope;
      try {
        event = fromMessage(message.value);
      } catch (error) {
        if (!(error instanceof UnreadableMessage)) throw error;
        if (!(await this.flush(payload, items, previousOffset(message)))) return;
        items = [];
        await this.park(message, error, 0);
        if (!(await this.commit(payload, message.offset))) return;
        continue;
      }
      if (event.globalPosition > this.options.after) items.push({ event, message });
      if (items.length >= this.options.maxBatchSize) {
        if (!(await this.flush(payload, items, message.offset))) return;
        items = [];
      }
    }
    const last = batch.messages.at(-1);
    if (last !== undefined && current()) await this.flush(payload, items, last.offset);
  }

  /**
   * Delivers the items, then commits through `offset` (skipped events included); false when the
   * batch should stop there (stopping, the partition taken, or the group rebalancing: the slice is
   * committed first, so the partition's next owner starts after it).
   */
  private async flush(payload: EachBatchPayload, items: readonly DeliveryItem[], offset: string | undefined): Promise<boolean> {
    if (items.length > 0 && !(await this.whileHeartbeating(() => deliver(items, this.delivery)))) return false;
    const committed = offset === undefined || (await this.commit(payload, offset));
    // kafkajs throttles heartbeats to one per interval, so asking after every slice costs little.
    await this.heartbeat();
    return committed && !this.rebalancing;
  }

  /** A heartbeat refused because the group rebalances: remembered until the group is joined again, so batches stop at their next slice. */
  private noteRebalance(error: unknown): void {
    if (rebalanceRefusal(error) === undefined) throw error;
    this.rebalancing = true;
  }

  /**
   * Runs `work` (the handler applying a batch to the views) while heartbeating every second:
   * kafkajs heartbeats only between its own calls, so a batch that takes longer than the session
   * timeout (10 s; large view documents on a slow store) would otherwise cost the member its
   * partitions mid-batch, and the group would rebalance over and over without getting through.
   */
  private async whileHeartbeating<T>(work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void this.heartbeat().catch(() => undefined), HEARTBEAT_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /**
   * Commits through `offset`; false when the group has moved on (a rebalance took the partition
   * while the batch was applied). The commit is then dropped rather than crashing the consumer: the
   * partition's new owner starts from the last committed offset, and the views skip what they applied.
   */
  private async commit(payload: EachBatchPayload, offset: string): Promise<boolean> {
    const { topic, partition } = payload.batch;
    payload.resolveOffset(offset);
    // With offsets given, kafkajs commits them now, whatever its auto-commit settings.
    const next = (BigInt(offset) + 1n).toString();
    try {
      await payload.commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: next }] }] });
      return true;
    } catch (error) {
      const type = rebalanceRefusal(error);
      if (type === undefined) throw error;
      this.settings.logger.warn(`feed group ${this.options.group}: ${topic}/${partition} was reassigned (${type}); its commit through ${offset} is left to the new owner`);
      return false;
    }
  }

  private async park(message: KafkaMessage, error: unknown, attempts: number): Promise<void> {
    const { topic, partition } = this.source;
    const group = this.options.group;
    const deadLetter = await this.settings.deadLetters.park({ topic, partition, message, group, attempts, error });
    this.settings.logger.warn(`feed group ${group}: parked ${topic}/${partition}@${message.offset} on ${deadLetter}`);
  }

  private backoff(ms: number): Promise<void> {
    // Sleeps in slices, heartbeating between them, so a long backoff does not cost the membership.
    const until = Date.now() + ms;
    const slice = async (): Promise<void> => {
      const wait = Math.min(1_000, until - Date.now());
      if (this.stopped || this.rebalancing || wait <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => (clearTimeout(timer), resolve());
      });
      if (!this.stopped) await this.heartbeat();
      return slice();
    };
    return slice();
  }
}

function previousOffset(message: KafkaMessage): string | undefined {
  const offset = BigInt(message.offset);
  return offset > 0n ? (offset - 1n).toString() : undefined;
}
