import { spawnSync } from 'node:child_process';

/** A networked engine an int spec needs, and where it is expected. */
export interface EngineUnderTest {
  /** What to call it in messages: 'Kafka', 'MongoDB'. */
  readonly name: string;
  /** The environment variable that points at it, e.g. KAFKA_BROKERS. */
  readonly variable: string;
  /** host:port to try. */
  readonly address: string;
}

// Jest collects describe blocks synchronously, so the reachability check must be synchronous too:
// a child node process tries one TCP connect.
const CONNECT = `
const [host, port] = [process.argv[1], Number(process.argv[2])];
const socket = require('node:net').connect({ host, port, timeout: 1500 });
socket.on('connect', () => process.exit(0));
socket.on('error', () => process.exit(1));
socket.on('timeout', () => process.exit(1));
`;

export function isReachable(address: string): boolean {
  const separator = address.lastIndexOf(':');
  const [host, port] = [address.slice(0, separator), address.slice(separator + 1)];
  const result = spawnSync(process.execPath, ['-e', CONNECT, host, port], { timeout: 5_000 });
  return result.status === 0;
}

/**
 * describe() when the engine answers. When it does not: on CI (CI=true) the spec fails, since CI
 * starts the engines itself (`npm run infra:up`) and a silent skip would hide their loss; locally
 * the suite is skipped with a message saying how to run it.
 */
export function describeWithEngine(title: string, engine: EngineUnderTest, suite: () => void): void {
  if (isReachable(engine.address)) {
    describe(title, suite);
    return;
  }
  const why = `${engine.name} is not reachable at ${engine.address} (${engine.variable})`;
  if (process.env['CI'] === 'true') {
    throw new Error(`${why}; CI runs 'npm run infra:up' before the tests, so this is a failure, not a skip`);
  }
  console.warn(`${why}: skipping "${title}". Run 'npm run infra:up' (or set ${engine.variable}) to run it.`);
  describe.skip(title, suite);
}
