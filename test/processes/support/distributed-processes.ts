import { JwtService } from '@nestjs/jwt';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const SECRET = 'process-e2e-secret-of-enough-length';

export type Level = 'local' | 'regional' | 'national';
export type ProcessName = 'relay' | 'projector-1' | 'projector-2' | 'local-service' | 'regional-service' | 'national-service';

export interface Identity {
  readonly role: 'local' | 'regional' | 'national';
  readonly org?: string;
  readonly sha?: string;
}

/** Where one run of the suite lives: its own event store schema, topics, view database and ports. */
export interface RunSettings {
  readonly suffix: string;
  readonly pgUrl: string;
  readonly brokers: string;
  readonly mongoUrl: string;
  readonly portBase: number;
}

/**
 * The distributed system as `npm run distributed:up` starts it: six OS processes (dist/), driven
 * and watched only from outside, through HTTP, pids and signals. The scripts are the ones a person
 * runs, given settings that keep this run apart from anything else on the same engines.
 */
export class DistributedProcesses {
  private constructor(readonly settings: RunSettings) {}

  static async up(settings: RunSettings): Promise<DistributedProcesses> {
    const processes = new DistributedProcesses(settings);
    await processes.script('up');
    return processes;
  }

  get stateDir(): string {
    return join(ROOT, '.infra', `distributed-${this.settings.suffix}`);
  }

  get eventStoreUrl(): string {
    return `${this.settings.pgUrl}?schema=${this.settings.suffix}`;
  }

  get mongoDatabase(): string {
    return `spiral_${this.settings.suffix}`;
  }

  url(level: Level, path: string): string {
    const port = this.settings.portBase + { local: 1, regional: 2, national: 3 }[level];
    return `http://127.0.0.1:${port}/api/v1${path}`;
  }

  bearer(identity: Identity): Record<string, string> {
    const claims = { sub: `${identity.role}-${identity.org ?? identity.sha ?? 'user'}`, role: identity.role, org: identity.org ?? null, sha: identity.sha ?? null };
    return { Authorization: `Bearer ${new JwtService({ secret: SECRET }).sign(claims, { algorithm: 'HS256', expiresIn: '1h' })}` };
  }

  /** kill -9: no shutdown hook runs, nothing is flushed or checkpointed on the way out. */
  async kill(name: ProcessName): Promise<void> {
    const pid = Number(readFileSync(join(this.stateDir, `${name}.pid`), 'utf8'));
    process.kill(pid, 'SIGKILL');
    while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** distributed:up again: it starts whichever process is not running and waits for every health. */
  restartMissing(): Promise<void> {
    return this.script('up');
  }

  down(): Promise<void> {
    return this.script('down');
  }

  private async script(which: 'up' | 'down'): Promise<void> {
    const env = {
      ...process.env,
      SPIRAL_DISTRIBUTED_DIR: this.stateDir,
      SPIRAL_DISTRIBUTED_PORT_BASE: String(this.settings.portBase),
      EVENT_STORE_URL: this.eventStoreUrl,
      KAFKA_BROKERS: this.settings.brokers,
      KAFKA_TOPIC_PREFIX: this.settings.suffix,
      MONGO_URL: this.settings.mongoUrl,
      MONGO_DB: this.mongoDatabase,
      SPIRAL_JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    };
    try {
      await run('bash', [join(ROOT, 'infra', 'distributed', `${which}.sh`)], { env, cwd: ROOT, timeout: 180_000 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`distributed:${which} failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
    }
  }
}

/** Whether a process of that pid still exists (signal 0 only asks). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
