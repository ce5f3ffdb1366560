import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const BENCH_SECRET = 'benchmark-secret-of-sufficient-length';

export interface RunningServer {
  readonly base: URL;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * The embedded system as `npm start` runs it, in a child process of its own: on a 2-core machine the
 * load generator and the server then each get a core, and the server's event loop is not shared.
 */
export async function startEmbeddedServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  // SPIRAL_BENCH_SERVER_MAIN runs another build's server under this load (old and new back to back).
  const main = process.env['SPIRAL_BENCH_SERVER_MAIN'] ?? join(__dirname, '..', '..', 'embedded', 'src', 'main.js');
  // SPIRAL_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env['SPIRAL_BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SPIRAL_DATA_DIR: dataDir, SPIRAL_JWT_SECRET: BENCH_SECRET, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = new URL(`http://127.0.0.1:${port}/api/v1/`);
  await waitForHealth(base, child);
  return { base, pid: child.pid ?? 0, stop: () => stop(child) };
}

async function waitForHealth(base: URL, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the embedded server exited with ${child.exitCode}`);
    try {
      if ((await fetch(new URL('health', base))).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the embedded server did not answer /health within 120 s');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
