import { projectorConfigFrom, relayConfigFrom, serviceConfigFrom } from './app-config';
import { ConfigError } from './distributed-config';

const SERVICE = { EVENT_STORE_URL: 'kurrentdb://kurrentdb:2113?tls=false', MONGO_URL: 'mongodb://mongo:27017', SPIRAL_JWT_SECRET: 'a-secret-of-enough-length' };
const NATIONAL = { consumesFeed: false, name: 'national-service' };
const LOCAL = { consumesFeed: true, name: 'local-service' };
const PIPELINE = { EVENT_STORE_URL: 'postgres://spiral@pg:5432/spiral', MONGO_URL: SERVICE.MONGO_URL, KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092' };

function problemsOf(build: () => unknown): readonly string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('distributed configuration', () => {
  it('reads a service configuration with its defaults', () => {
    expect(serviceConfigFrom(SERVICE, NATIONAL)).toEqual({
      port: 3000, host: '127.0.0.1', logLevel: 'info', eventStoreUrl: SERVICE.EVENT_STORE_URL,
      mongo: { url: SERVICE.MONGO_URL, database: 'spiral' }, kafka: undefined, jwtSecret: SERVICE.SPIRAL_JWT_SECRET, maxBodyBytes: 1048576,
      requestTimeoutSeconds: 30,
    });
    expect(serviceConfigFrom({ ...SERVICE, PORT: '8081', HOST: '0.0.0.0', MONGO_DB: 'spiral_test', LOG_LEVEL: 'warn' }, NATIONAL)).toMatchObject({
      port: 8081, host: '0.0.0.0', logLevel: 'warn', mongo: { database: 'spiral_test' },
    });
  });

  it('names every missing variable at once', () => {
    expect(problemsOf(() => serviceConfigFrom({}, NATIONAL))).toEqual(['EVENT_STORE_URL is required', 'MONGO_URL is required', 'SPIRAL_JWT_SECRET is required']);
    expect(problemsOf(() => relayConfigFrom({ EVENT_STORE_URL: SERVICE.EVENT_STORE_URL }))).toEqual(['KAFKA_BROKERS is required', 'MONGO_URL is required']);
  });

  it('says what is wrong with each invalid value', () => {
    const problems = problemsOf(() => serviceConfigFrom({
      EVENT_STORE_URL: 'http://kurrentdb:2113', MONGO_URL: 'postgres://x', SPIRAL_JWT_SECRET: 'short', PORT: 'eighty', LOG_LEVEL: 'loud', MONGO_DB: 'a b',
    }, NATIONAL));
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('EVENT_STORE_URL must be a PostgreSQL URL'),
      expect.stringContaining('MONGO_URL must be a mongodb://'),
      expect.stringContaining('SPIRAL_JWT_SECRET must be set, at least 16 characters'),
      'PORT must be a whole number',
      expect.stringContaining('LOG_LEVEL must be one of'),
      expect.stringContaining('MONGO_DB must be'),
    ]));
    expect(problems).toHaveLength(6);
    expect(problemsOf(() => serviceConfigFrom({ ...SERVICE, PORT: '70000' }, NATIONAL))).toEqual([expect.stringContaining('PORT')]);
    expect(serviceConfigFrom({ ...SERVICE, SPIRAL_REQUEST_TIMEOUT_SECONDS: '45' }, NATIONAL).requestTimeoutSeconds).toBe(45);
    for (const timeout of ['0', '601', '1e2', '0x10', ' 45', '45 ', '-45', '99999999999999999999']) {
      expect(problemsOf(() => serviceConfigFrom({ ...SERVICE, SPIRAL_REQUEST_TIMEOUT_SECONDS: timeout }, NATIONAL))).toEqual([expect.stringContaining('SPIRAL_REQUEST_TIMEOUT_SECONDS')]);
    }
  });

  it('takes a PostgreSQL or a KurrentDB event store from one URL, and reads ESDB_URL as its older name', () => {
    expect(relayConfigFrom(PIPELINE).eventStoreUrl).toBe('postgres://spiral@pg:5432/spiral');
    const { EVENT_STORE_URL, ...withoutUrl } = PIPELINE;
    expect(relayConfigFrom({ ...withoutUrl, ESDB_URL: SERVICE.EVENT_STORE_URL }).eventStoreUrl).toBe(SERVICE.EVENT_STORE_URL);
    expect(relayConfigFrom({ ...PIPELINE, ESDB_URL: SERVICE.EVENT_STORE_URL }).eventStoreUrl).toBe(EVENT_STORE_URL);
  });

  it('reads the relay and the projector, brokers as a list, each with its own Kafka client id', () => {
    expect(relayConfigFrom(PIPELINE)).toMatchObject({ kafka: { brokers: ['kafka-1:9092', 'kafka-2:9092'], clientId: 'spiral-relay' }, name: 'relay' });
    expect(projectorConfigFrom({ ...PIPELINE, KAFKA_CLIENT_ID: 'projector-7' })).toMatchObject({ kafka: { clientId: 'projector-7' } });
    expect(problemsOf(() => projectorConfigFrom({ ...PIPELINE, KAFKA_BROKERS: 'kafka' }))).toEqual([expect.stringContaining('KAFKA_BROKERS must be host:port')]);
  });

  it('asks the local service for Kafka, which its gains process manager consumes', () => {
    expect(problemsOf(() => serviceConfigFrom(SERVICE, LOCAL))).toEqual(['KAFKA_BROKERS is required']);
    expect(serviceConfigFrom({ ...SERVICE, KAFKA_BROKERS: 'kafka:9092' }, LOCAL).kafka).toEqual({ brokers: ['kafka:9092'], clientId: 'spiral-local-service', topicPrefix: 'spiral' });
  });

  it('does not ask a process for what it does not use', () => {
    expect(() => relayConfigFrom(PIPELINE)).not.toThrow();
    expect(() => serviceConfigFrom(SERVICE, NATIONAL)).not.toThrow();
  });
});
