import { createConnection } from 'node:net';

export interface BenchEngines {
  readonly brokers: readonly string[];
  readonly mongoUrl: string;
  readonly pgUrl: string;
}

/** Where `npm run infra:up` puts Kafka, FerretDB and PostgreSQL, unless KAFKA_BROKERS / MONGO_URL / PG_URL say otherwise. */
export function benchEngines(env: NodeJS.ProcessEnv): BenchEngines {
  return {
    brokers: (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim()),
    mongoUrl: env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017',
    pgUrl: env['PG_URL'] ?? 'postgres://spiral@127.0.0.1:5433/spiral',
  };
}

/** Whether something listens at every engine's address; a bench skips instead of failing. */
export async function enginesListening(engines: BenchEngines): Promise<boolean> {
  const [mongo, pg] = [new URL(engines.mongoUrl), new URL(engines.pgUrl)];
  const addresses = [...engines.brokers, `${mongo.hostname}:${mongo.port || '27017'}`, `${pg.hostname}:${pg.port || '5432'}`];
  const answers = await Promise.all(addresses.map((address) => listening(address)));
  return answers.every(Boolean);
}

function listening(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = createConnection({ host: host ?? '127.0.0.1', port: Number(port) });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
