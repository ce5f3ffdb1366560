import { requireFor, type DistributedEnvironment } from './distributed-config';

/** What every distributed process shares: its log level and where it answers /api/v1/health. */
export interface ProcessConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
}

export interface MongoConfig {
  readonly url: string;
  readonly database: string;
}

export interface KafkaConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topicPrefix: string;
}

/**
 * A level's HTTP service: commands to the event store (PostgreSQL or KurrentDB), views read from MongoDB; Kafka only for a level
 * that consumes the feed itself (the local level's gains process manager).
 */
export interface ServiceConfig extends ProcessConfig {
  readonly eventStoreUrl: string;
  readonly mongo: MongoConfig;
  readonly kafka: KafkaConfig | undefined;
  readonly jwtSecret: string;
  readonly maxBodyBytes: number;
  readonly requestTimeoutSeconds: number;
}

/** The relay: the event store's global order to Kafka, its checkpoint in MongoDB. */
export interface RelayConfig extends ProcessConfig {
  readonly eventStoreUrl: string;
  readonly kafka: KafkaConfig;
  readonly mongo: MongoConfig;
  readonly name: string;
}

/** A projector: Kafka to the views in MongoDB; the event store only to measure how far behind it is. */
export interface ProjectorConfig extends ProcessConfig {
  readonly eventStoreUrl: string;
  readonly kafka: KafkaConfig;
  readonly mongo: MongoConfig;
}

export function serviceConfigFrom(env: NodeJS.ProcessEnv, options: { readonly consumesFeed: boolean; readonly name: string }): ServiceConfig {
  const e = requireFor(env, ['EVENT_STORE_URL', 'MONGO_URL', 'SPIRAL_JWT_SECRET', ...(options.consumesFeed ? (['KAFKA_BROKERS'] as const) : [])]);
  return {
    ...processConfig(e),
    eventStoreUrl: e.EVENT_STORE_URL,
    mongo: mongoConfig(e),
    kafka: options.consumesFeed ? kafkaConfig(e, `spiral-${options.name}`) : undefined,
    jwtSecret: e.SPIRAL_JWT_SECRET,
    maxBodyBytes: e.SPIRAL_MAX_BODY_BYTES,
    requestTimeoutSeconds: e.SPIRAL_REQUEST_TIMEOUT_SECONDS,
  };
}

export function relayConfigFrom(env: NodeJS.ProcessEnv): RelayConfig {
  const e = requireFor(env, ['EVENT_STORE_URL', 'KAFKA_BROKERS', 'MONGO_URL']);
  return { ...processConfig(e), eventStoreUrl: e.EVENT_STORE_URL, kafka: kafkaConfig(e, 'spiral-relay'), mongo: mongoConfig(e), name: e.RELAY_NAME };
}

export function projectorConfigFrom(env: NodeJS.ProcessEnv): ProjectorConfig {
  const e = requireFor(env, ['EVENT_STORE_URL', 'KAFKA_BROKERS', 'MONGO_URL']);
  return { ...processConfig(e), eventStoreUrl: e.EVENT_STORE_URL, kafka: kafkaConfig(e, 'spiral-projector'), mongo: mongoConfig(e) };
}

function processConfig(e: DistributedEnvironment): ProcessConfig {
  return { port: e.PORT, host: e.HOST, logLevel: e.LOG_LEVEL };
}

function mongoConfig(e: DistributedEnvironment): MongoConfig {
  return { url: e.MONGO_URL, database: e.MONGO_DB };
}

function kafkaConfig(e: DistributedEnvironment, clientId: string): KafkaConfig {
  return { brokers: e.KAFKA_BROKERS.split(','), clientId: e.KAFKA_CLIENT_ID ?? clientId, topicPrefix: e.KAFKA_TOPIC_PREFIX };
}
