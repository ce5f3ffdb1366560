import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_SECRET, startEmbeddedServer } from './embedded-server';
import { need } from './command-load.bench';
import { bearer, HttpClient } from './http-client';
import { openLoop, type LoadResult } from './load';

export interface InterferencePlan {
  readonly healthPerSecond: number;
  readonly commandsPerSecond: number;
}

export interface InterferenceRun {
  /** A replay of all views over HTTP with nothing else asked of the server: from POST to done. */
  readonly replayAloneSeconds: number;
  readonly replayUnderLoadSeconds: number;
  readonly health: LoadResult;
  readonly commands: LoadResult;
}

const CONNECTIONS = 16;
/** The loads last as long as the replay under them, at most this many times the replay alone. */
const LONGEST_LOAD_IN_REPLAYS = 10;
const POLL_MS = 250;

const analyst = bearer(BENCH_SECRET, { sub: 'bench-analyst', role: 'analyst', org: null, sha: null });
const local = bearer(BENCH_SECRET, { sub: 'bench-interference', role: 'local', org: 'B01-O01', sha: 'B01' });

/**
 * What a long job costs everyone else (issue #14): the embedded server (its own process) on a copy
 * of a seeded folder replays all views as of the latest moment over HTTP, once alone, then again
 * while GET /health and a command (recognise a need) are sent at fixed rates (open loops: latency
 * counts from each request's scheduled start, so a stalled event loop shows in p99) until that
 * replay is done: every request starts while a replay runs, however long the second one takes on a
 * shared machine beside the first.
 */
export async function interference(seededDir: string, plan: InterferencePlan): Promise<InterferenceRun> {
  const dataDir = copyOf(seededDir);
  const server = await startEmbeddedServer(dataDir);
  const client = new HttpClient(server.base, CONNECTIONS);
  try {
    const team = JSON.parse(await client.expect(201, 'POST', 'teams', local, { name: 'Interference ward', orgCode: 'B01-O01', shaCode: 'B01' })) as { id: string };
    const replayAloneSeconds = await replayAll(client);
    const loadMs = replayAloneSeconds * 1000 * LONGEST_LOAD_IN_REPLAYS;
    const replayDone = new AbortController();
    const replay = replayAll(client).finally(() => replayDone.abort());
    let sent = 0;
    const [health, commands, replayUnderLoadSeconds] = await Promise.all([
      openLoop(plan.healthPerSecond, loadMs, async () => void (await client.expect(200, 'GET', 'health', {})), replayDone.signal),
      openLoop(plan.commandsPerSecond, loadMs, async () => void (await client.expect(201, 'POST', 'spirals', local, need(team.id, sent++))), replayDone.signal),
      replay,
    ]);
    return { replayAloneSeconds, replayUnderLoadSeconds, health, commands };
  } finally {
    client.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** POST /replays of every view as of the latest moment, then its status until done: the seconds it took. */
async function replayAll(client: HttpClient): Promise<number> {
  const started = performance.now();
  const job = JSON.parse(await client.expect(202, 'POST', 'replays', analyst, { view: 'all', asOf: '2100-01-01' })) as { id: string };
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const status = JSON.parse(await client.expect(200, 'GET', `replays/${job.id}`, analyst)) as { status: string; error: string | null };
    if (status.status === 'done') return (performance.now() - started) / 1000;
    if (status.status === 'failed') throw new Error(`the replay failed: ${status.error ?? ''}`);
  }
}

/** The server writes into its folder: the cached seed stays as it was for the other benchmarks. */
function copyOf(seededDir: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-bench-interference-'));
  for (const file of ['events.sqlite', 'events.sqlite-wal', 'views.sqlite', 'views.sqlite-wal']) {
    if (existsSync(join(seededDir, file))) copyFileSync(join(seededDir, file), join(dataDir, file));
  }
  return dataDir;
}
