import { Logger } from '@nestjs/common';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EngineHealth, EventFeed, FeedConsumerOptions, FeedOrdering, FeedSubscription } from '@spiral/ports';
import { Kafka, logLevel, PartitionAssigners, type Admin, type Producer } from 'kafkajs';
import { KafkaDeadLetters } from './kafka-dead-letters';
import { KafkaFeedConsumer } from './kafka-feed-consumer';
import { KafkaGroupSpread } from './kafka-group-spread';
import { produceRequests } from './kafka-publish-requests';
import { StreamPartitioner } from './kafka-stream-partitioner';
import { kafkaLogCreator } from './kafka-log';
import { describeError, KAFKA_FEED_DEFAULTS, type FeedLogger, type KafkaRetryPolicy } from './kafka-feed-settings';
import { KafkaTopics, type KafkaTopicLayout } from './kafka-topics';

export interface KafkaEventFeedOptions extends Partial<KafkaRetryPolicy> {
  /** host:port of one or more brokers. */
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Topics are `<prefix>.local`, `.regional`, `.national` (or `<prefix>.events`), and `.dlq` after each. */
  readonly topicPrefix?: string;
  /** 'per-context' (the default) or 'single': see KafkaTopicLayout. */
  readonly topicLayout?: KafkaTopicLayout;
  /** Partitions of the per-context topics this feed creates; more lets a group spread over more members. */
  readonly partitions?: number;
  readonly defaultMaxBatchSize?: number;
  readonly logger?: FeedLogger;
  /**
   * Each consumer group's partitions all to one member, the groups spread over the members in turn
   * (KafkaGroupSpread): for projectors, whose applies take a lease per projection. Off, a group's
   * partitions are shared among its members (round robin).
   */
  readonly spreadGroups?: boolean;
}

const HEALTH_TIMEOUT_MS = 5_000;

/**
 * The distributed feed: a relay publishes stored events to Kafka, keyed by stream id, and each
 * projector reads them in a consumer group. Delivery is at least once and in order per stream,
 * which is all the EventFeed port promises; global order holds only with the 'single' layout.
 */
export class KafkaEventFeed implements EventFeed {
  /**
   * Kafka keeps order per partition, and partitions are keyed by stream: per stream, not globally,
   * unless every event goes through the single topic's one partition in the relay's global order.
   */
  readonly ordering: FeedOrdering;
  private readonly consumers = new Set<KafkaFeedConsumer>();
  private readonly created = new Map<string, Promise<void>>();
  private readonly deadLetters: KafkaDeadLetters;
  private readonly spread: KafkaGroupSpread | undefined;
  private closed = false;

  private constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly producer: Producer,
    readonly topics: KafkaTopics,
    private readonly settings: Required<Omit<KafkaEventFeedOptions, 'brokers' | 'clientId' | 'topicPrefix' | 'topicLayout' | 'spreadGroups'>>,
    spreadGroups: boolean,
  ) {
    this.spread = spreadGroups ? new KafkaGroupSpread() : undefined;
    this.ordering = topics.layout === 'single' ? 'global' : 'per-stream';
    this.deadLetters = new KafkaDeadLetters(producer, (topic) => this.ensureTopics([topic]), (topic) => topics.deadLetterOf(topic));
  }

  /** Connects an admin client and an idempotent producer; consumers connect as they start. */
  static async connect(options: KafkaEventFeedOptions): Promise<KafkaEventFeed> {
    const logger = options.logger ?? new Logger(KafkaEventFeed.name);
    const kafka = new Kafka({
      clientId: options.clientId ?? KAFKA_FEED_DEFAULTS.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(logger),
    });
    // Idempotent with acks=-1 (kafkajs allows one request in flight then): a retried send is
    // neither duplicated nor reordered, so a stream's events keep their order in the partition.
    // Keys are hashed as the Java client does (murmur2), as kafkajs's default partitioner does.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: StreamPartitioner });
    const admin = kafka.admin();
    await Promise.all([admin.connect(), producer.connect()]);
    const topics = new KafkaTopics(options.topicPrefix ?? KAFKA_FEED_DEFAULTS.topicPrefix, options.topicLayout);
    return new KafkaEventFeed(kafka, admin, producer, topics, {
      partitions: options.partitions ?? KAFKA_FEED_DEFAULTS.partitions,
      defaultMaxBatchSize: options.defaultMaxBatchSize ?? KAFKA_FEED_DEFAULTS.defaultMaxBatchSize,
      retryDelayMs: options.retryDelayMs ?? KAFKA_FEED_DEFAULTS.retryDelayMs,
      maxRetryDelayMs: options.maxRetryDelayMs ?? KAFKA_FEED_DEFAULTS.maxRetryDelayMs,
      maxAttempts: options.maxAttempts ?? KAFKA_FEED_DEFAULTS.maxAttempts,
      logger,
    }, options.spreadGroups ?? false);
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    this.assertOpen();
    if (events.length === 0) return;
    const requests = produceRequests(events, (event) => this.topics.of(event));
    await this.ensureTopics([...new Set(requests.flatMap((request) => request.map(({ topic }) => topic)))]);
    // One after the other: a request failing part-way fails the publish, whose retry sends the
    // earlier requests again (delivery is at least once), never a later one before it.
    for (const topicMessages of requests) await this.producer.sendBatch({ acks: -1, topicMessages });
  }

  async consume(options: FeedConsumerOptions): Promise<FeedSubscription> {
    this.assertOpen();
    const maxBatchSize = options.maxBatchSize ?? this.settings.defaultMaxBatchSize;
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new RangeError('maxBatchSize must be a positive integer');
    const topics = this.topics.all();
    await this.ensureTopics(topics);
    const { logger, ...policy } = this.settings;
    // Round robin after the spread: a member of an older build without it still joins the group.
    const partitionAssigners = this.spread && [this.spread.nextGroup(), PartitionAssigners.roundRobin];
    const consumer = new KafkaFeedConsumer(this.kafka, { ...options, maxBatchSize }, { topics, policy, deadLetters: this.deadLetters, logger, ...(partitionAssigners ? { partitionAssigners } : {}) });
    await consumer.start();
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  async health(): Promise<EngineHealth> {
    if (this.closed) return { engine: 'kafka', ok: false, detail: 'closed' };
    try {
      const cluster = await withTimeout(this.admin.describeCluster(), HEALTH_TIMEOUT_MS);
      const detail = `${cluster.brokers.length} broker(s), controller ${cluster.controller ?? 'none'}, ${this.consumers.size} consumer(s)`;
      return { engine: 'kafka', ok: cluster.brokers.length > 0, detail };
    } catch (error) {
      return { engine: 'kafka', ok: false, detail: describeError(error) };
    }
  }

  /** Stops every consumer, each after its batch in flight, then disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }

  /** Creates missing topics once per feed (createTopics answers false for ones that exist). */
  private async ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = topics.filter((topic) => !this.created.has(topic));
    if (missing.length > 0) {
      const numPartitions = this.topics.partitions(this.settings.partitions);
      const creating = this.admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions })) });
      for (const topic of missing) this.created.set(topic, creating.then(() => undefined));
      // A failed creation is forgotten, so the next call tries again.
      void creating.catch(() => missing.forEach((topic) => this.created.delete(topic)));
    }
    await Promise.all(topics.map((topic) => this.created.get(topic) ?? Promise.resolve()));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the Kafka feed is closed');
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
