import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_SECRET, startEmbeddedServer } from './embedded-server';
import { bearer, HttpClient } from './http-client';
import { closedLoop, openLoop, type LoadResult } from './load';

export interface CommandLoadPlan {
  /** Fixed rates as shares of the saturation throughput measured first (a fixed list would swamp a slow machine). */
  readonly rates: readonly number[];
  /** Concurrent keep-alive connections at saturation. */
  readonly connections: number;
  readonly durationMs: number;
}

export interface CommandLoadRun {
  readonly fixed: readonly { readonly share: number; readonly perSecond: number; readonly result: LoadResult }[];
  readonly saturation: LoadResult;
}

const ORGANISATIONS = 20;

/** The command the loads send: recognise a need (a new spiral stream). */
export const need = (teamId: string, index: number) => ({
  teamId,
  title: `Door-to-needle time ${index}`,
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  baseline: 78,
  target: 60,
  trigger: { kind: 'nationalPriority' },
  gap: 'Half our patients wait over an hour for thrombolysis.',
});

/**
 * Commands over HTTP against the embedded system (its own process, SQLite with synchronous=FULL, the
 * projections and process managers running beside it): each command recognises a need, so it
 * creates a spiral stream, reads the team's facts and appends one event; teams of 20
 * organisations take turns. Each run starts on a fresh data folder.
 */
export async function commandLoad(plan: CommandLoadPlan): Promise<CommandLoadRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-bench-commands-'));
  const server = await startEmbeddedServer(dataDir);
  const client = new HttpClient(server.base, plan.connections);
  try {
    const teams: { teamId: string; headers: Record<string, string> }[] = [];
    for (let o = 1; o <= ORGANISATIONS; o++) {
      const org = `B01-O${String(o).padStart(2, '0')}`;
      const headers = bearer(BENCH_SECRET, { sub: `bench-${o}`, role: 'local', org, sha: 'B01' });
      const body = await client.expect(201, 'POST', 'teams', headers, { name: `Ward ${o}`, orgCode: org, shaCode: 'B01' });
      teams.push({ teamId: (JSON.parse(body) as { id: string }).id, headers });
    }
    let sent = 0;
    const shot = async (): Promise<void> => {
      const index = sent++;
      const team = teams[index % teams.length] as (typeof teams)[number];
      await client.expect(201, 'POST', 'spirals', team.headers, need(team.teamId, index));
    };
    await closedLoop(plan.connections, Math.min(2_000, plan.durationMs), shot); // warm-up: JIT, caches
    const saturation = await closedLoop(plan.connections, plan.durationMs, shot);
    const fixed: { share: number; perSecond: number; result: LoadResult }[] = [];
    for (const share of plan.rates) {
      const perSecond = Math.max(1, Math.round(saturation.perSecond * share));
      fixed.push({ share, perSecond, result: await openLoop(perSecond, plan.durationMs, shot) });
    }
    return { fixed, saturation };
  } finally {
    client.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
