import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { KurrentDbEventStore } from '@spiral/adapters-kurrentdb';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import { PostgresEventStore } from '@spiral/adapters-postgres';
import type { KafkaConfig, MongoConfig, ProjectorConfig, RelayConfig, ServiceConfig } from './app-config';
import type { EngineFactories } from './distributed-engines.module';

// The only place that names the distributed engines: each process's engines from its configuration.

/** PostgreSQL for postgres:// URLs, KurrentDB for its own schemes (the configuration allows only these). */
const eventStore = (url: string) => () =>
  /^postgres(ql)?:\/\//.test(url) ? PostgresEventStore.connect(url) : KurrentDbEventStore.connect(url);
const viewStore = (mongo: MongoConfig) => () => MongoViewStore.connect({ url: mongo.url, database: mongo.database });
const eventFeed = (kafka: KafkaConfig, spreadGroups = false) => () =>
  KafkaEventFeed.connect({ brokers: kafka.brokers, clientId: kafka.clientId, topicPrefix: kafka.topicPrefix, spreadGroups });

export function serviceEngines(config: ServiceConfig): EngineFactories {
  return {
    eventStore: eventStore(config.eventStoreUrl),
    viewStore: viewStore(config.mongo),
    ...(config.kafka ? { eventFeed: eventFeed(config.kafka) } : {}),
  };
}

export function relayEngines(config: RelayConfig): EngineFactories {
  return { eventStore: eventStore(config.eventStoreUrl), viewStore: viewStore(config.mongo), eventFeed: eventFeed(config.kafka) };
}

/** Projectors spread whole projections over themselves (KafkaGroupSpread): a projection's apply takes its lease. */
export function projectorEngines(config: ProjectorConfig): EngineFactories {
  return { eventStore: eventStore(config.eventStoreUrl), viewStore: viewStore(config.mongo), eventFeed: eventFeed(config.kafka, true) };
}
