import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { KurrentDbEventStore } from '@spiral/adapters-kurrentdb';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import { PostgresEventStore } from '@spiral/adapters-postgres';
import type { EventStore, ViewStore } from '@spiral/ports';
import type { KafkaConfig, MongoConfig, ProjectorConfig, RelayConfig, ServiceConfig } from './app-config';
import type { EngineFactories } from './distributed-engines.module';
import type { DistributedJobsConfig } from './jobs/distributed-jobs';

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

/** What a level service's job worker opens: the views for its reads; for verify, the event store where it was given one. */
export interface JobEngines {
  readonly viewStore: () => Promise<ViewStore>;
  readonly eventStore: (() => Promise<EventStore>) | undefined;
}

export function jobEngines(config: DistributedJobsConfig): JobEngines {
  const url = config.eventStoreUrl;
  return { viewStore: viewStore(config.mongo), eventStore: url === undefined ? undefined : async () => eventStore(url)() };
}
