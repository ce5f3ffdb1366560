import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
// infra/kafka/kafka.sh's own functions, so the private broker starts exactly as `npm run infra:up` starts one.
const INFRA = 'source infra/lib/common.sh; source infra/kafka/kafka.sh;';

/**
 * A Kafka broker of the suite's own, on its own ports and state folder (SPIRAL_INFRA_DIR under /tmp),
 * so stopping it disturbs no other test and no one's `npm run infra:up` broker. Started and stopped
 * with kafka.sh's kafka_up / kafka_down (stopped by the pid it recorded); its data survives a
 * restart, as a real broker's does. Each call runs asynchronously: the load, the relay and the
 * projector in this process go on while the broker is down.
 */
export class PrivateKafka {
  readonly stateDir = mkdtempSync(join(tmpdir(), 'spiral-private-kafka-'));

  constructor(
    readonly port: number,
    readonly controllerPort: number,
  ) {}

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  /** Why the broker cannot start here (no java, or the jars not fetched by `npm run infra:up` yet), or undefined. */
  static missing(): string | undefined {
    const check = spawnSync('bash', ['-c', `${INFRA} command -v "$(kafka_java)" >/dev/null && [[ -f "$(kafka_lib_dir)/.complete" ]]`], { cwd: ROOT, encoding: 'utf8' });
    return check.status === 0 ? undefined : `no java or no Kafka jars in ~/.cache/spiral-infra (run 'npm run infra:up' once) ${check.stderr.trim()}`.trim();
  }

  /** Starts the broker and waits until it answers; the seconds it took. */
  up(): Promise<number> {
    return this.run('kafka_up');
  }

  /** Stops the broker (SIGTERM, a controlled shutdown) and waits until its process is gone; the seconds it took. */
  down(): Promise<number> {
    return this.run('kafka_down');
  }

  /** Stops the broker if it runs and removes its state. */
  async remove(): Promise<void> {
    await this.down();
    rmSync(this.stateDir, { recursive: true, force: true });
  }

  private run(step: 'kafka_up' | 'kafka_down'): Promise<number> {
    const started = Date.now();
    const env = { ...process.env, SPIRAL_INFRA_DIR: this.stateDir, KAFKA_BROKERS: this.brokers[0], KAFKA_CONTROLLER_PORT: String(this.controllerPort) };
    return new Promise((resolve, reject) => {
      execFile('bash', ['-c', `${INFRA} ${step}`], { cwd: ROOT, env, timeout: 180_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${step} on 127.0.0.1:${this.port} failed: ${stderr || stdout || error.message}`));
        else resolve((Date.now() - started) / 1000);
      });
    });
  }
}
