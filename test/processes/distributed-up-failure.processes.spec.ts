import { describeWithEngine, isReachable, uniqueName } from '@spiral/ports/testing';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { alive } from './support/distributed-processes';

// `npm run distributed:up` failing half-way: it must stop exactly the processes it started (by pid),
// and say which process failed and where its log is. Needs `npm run build` and `npm run infra:up`.

const ROOT = join(__dirname, '..', '..');
const pgUrl = process.env['PG_URL'] ?? 'postgres://spiral@127.0.0.1:5433/spiral';
const hostOf = (url: string) => url.replace(/^[a-z]+:\/\/([^@/]*@)?/, '').split(/[/?,]/)[0] ?? '';
/** The relay engineer's ports (3001-3012), as `distributed:up` uses them by default. */
const PORT_BASE = 3000;
const NATIONAL_PORT = PORT_BASE + 3;

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs up.sh with a state folder and engines' names of its own; `meanwhile` runs while it does. */
function distributedUp(stateDir: string, suffix: string, meanwhile: () => Promise<void> = () => Promise.resolve()): Promise<Outcome> {
  const env = {
    ...process.env,
    SPIRAL_DISTRIBUTED_DIR: stateDir,
    SPIRAL_DISTRIBUTED_PORT_BASE: String(PORT_BASE),
    EVENT_STORE_URL: `${pgUrl}?schema=${suffix}`,
    KAFKA_TOPIC_PREFIX: suffix,
    MONGO_DB: `spiral_${suffix}`,
    LOG_LEVEL: 'warn',
  };
  const child = spawn('bash', [join(ROOT, 'infra', 'distributed', 'up.sh')], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return meanwhile().then(async () => ({ code: await exited, stdout, stderr }));
}

/** The pids up.sh said it started ("<name>: starting on … (pid N, log …)"). */
const startedPids = (stdout: string): number[] => [...stdout.matchAll(/starting on \S+ \(pid (\d+),/g)].map((match) => Number(match[1]));

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} did not appear within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeWithEngine('npm run distributed:up failing half-way', { name: 'PostgreSQL', variable: 'PG_URL', address: hostOf(pgUrl) }, () => {
  if (!isReachable(process.env['KAFKA_BROKERS']?.split(',')[0] ?? '127.0.0.1:9092')) {
    it('needs Kafka (npm run infra:up)', () => {
      throw new Error("Kafka does not answer: run 'npm run infra:up'");
    });
    return;
  }
  let stateDir: string;
  let suffix: string;
  beforeEach(() => {
    suffix = uniqueName('up_failure').toLowerCase().replace(/[^a-z0-9_]/g, '_');
    stateDir = join(ROOT, '.infra', `distributed-${suffix}`);
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('stops what it started when a port is taken, naming the process and the port', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve, reject) => blocker.once('error', reject).listen(NATIONAL_PORT, '127.0.0.1', resolve));
    try {
      const outcome = await distributedUp(stateDir, suffix);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(`national-service: port ${NATIONAL_PORT} is taken`);
      const pids = startedPids(outcome.stdout);
      expect(pids).toHaveLength(5);
      expect(pids.filter(alive)).toEqual([]);
      expect(readdirSync(stateDir).filter((file) => file.endsWith('.pid'))).toEqual([]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 120_000);

  it('stops what it started when a process dies while starting, naming it and its log', async () => {
    const nationalPid = join(stateDir, 'national-service.pid');
    const outcome = await distributedUp(stateDir, suffix, async () => {
      await waitForFile(nationalPid, 60_000);
      process.kill(Number(readFileSync(nationalPid, 'utf8')), 'SIGKILL');
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`national-service exited while starting; its log is ${join(stateDir, 'national-service.log')}`);
    const pids = startedPids(outcome.stdout);
    expect(pids).toHaveLength(6);
    expect(pids.filter(alive)).toEqual([]);
    expect(readdirSync(stateDir).filter((file) => file.endsWith('.pid'))).toEqual([]);
  }, 240_000);
});
