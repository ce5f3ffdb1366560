import { JwtService } from '@nestjs/jwt';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity } from '../../e2e/support/embedded-harness';

const SECRET = 'reliability-secret-of-sufficient-length';
const MAIN = join(__dirname, '..', '..', '..', 'dist', 'apps', 'embedded', 'src', 'main.js');

/**
 * The embedded system as `npm start` runs it (dist/, a child process of its own), on a fresh data
 * folder and a free loopback port: it can be killed with SIGKILL and started again on the same
 * folder, and its pino log lines (JSON on stdout) are kept for the suites to read.
 */
export class EmbeddedProcess {
  /** Every JSON log line the process (and its earlier lives) wrote, parsed. */
  readonly logLines: Record<string, unknown>[] = [];
  private child: ChildProcess | undefined;

  private constructor(
    readonly dataDir: string,
    private port: number,
    private readonly logLevel: string,
  ) {}

  static async start(options: { readonly logLevel?: string } = {}): Promise<EmbeddedProcess> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm run test:reliability does)`);
    const app = new EmbeddedProcess(mkdtempSync(join(tmpdir(), 'spiral-reliability-')), await freePort(), options.logLevel ?? 'error');
    await app.launch();
    return app;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  token(identity: Identity): string {
    const claims = { sub: identity.sub ?? `${identity.role}-${identity.org ?? identity.sha ?? 'user'}`, role: identity.role, org: identity.org ?? null, sha: identity.sha ?? null };
    return new JwtService({ secret: SECRET }).sign(claims, { algorithm: 'HS256', expiresIn: '2h' });
  }

  /** These claims signed with the process's secret, for hostile tokens: no exp added, iat kept as given (now when absent). */
  signed(claims: Readonly<Record<string, unknown>>): string {
    return new JwtService({ secret: SECRET }).sign({ ...claims }, { algorithm: 'HS256' });
  }

  /** kill -9: no shutdown hook runs, nothing is flushed but what the store already committed. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** Starts the process again on the same data folder (a new port: the old one may linger). */
  async restart(): Promise<void> {
    await this.kill9();
    this.port = await freePort();
    await this.launch();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const env = { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', SPIRAL_DATA_DIR: this.dataDir, SPIRAL_JWT_SECRET: SECRET, LOG_LEVEL: this.logLevel };
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.keep(line);
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
    await this.waitForHealth(child, () => stderr);
  }

  private keep(line: string): void {
    if (!line.startsWith('{')) return;
    try {
      this.logLines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a line cut by SIGKILL: not a log record
    }
  }

  private async waitForHealth(child: ChildProcess, stderr: () => string): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the embedded process exited with ${child.exitCode}: ${stderr()}`);
      try {
        if ((await fetch(`${this.base}/api/v1/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error('the embedded process did not answer /health within 120 s');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
