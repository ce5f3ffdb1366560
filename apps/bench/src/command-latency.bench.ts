import { JwtService } from '@nestjs/jwt';
import { createEmbeddedApp, embeddedConfigFrom } from '@spiral/embedded-system';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarise, type LatencySummary } from './percentiles';

const SECRET = 'benchmark-secret-of-sufficient-length';
const ORGANISATIONS = 20;

const need = (teamId: string, i: number) => ({
  teamId,
  title: `Door-to-needle time ${i}`,
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  baseline: 78,
  target: 60,
  trigger: { kind: 'nationalPriority' },
  gap: 'Half our patients wait over an hour for thrombolysis.',
});

/**
 * Durable single-command latency: one client sends commands one after another over HTTP to the
 * embedded system (SQLite, synchronous=FULL), so each figure includes the fsync of its append and
 * the projections and process managers running beside it. The commands recognise needs for teams
 * of 20 organisations in turn, the shape of a working day rather than one ever-growing stream.
 */
export async function commandLatency(commands: number): Promise<LatencySummary> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-bench-'));
  const app = await createEmbeddedApp({ ...embeddedConfigFrom({}), dataDir, jwtSecret: SECRET, logLevel: 'silent', port: 0 });
  await app.listen(0, '127.0.0.1');
  try {
    const base = `${await app.getUrl()}/api/v1`.replace('[::1]', '127.0.0.1');
    const jwt = new JwtService({ secret: SECRET });
    const teams: { teamId: string; headers: Record<string, string> }[] = [];
    for (let o = 1; o <= ORGANISATIONS; o++) {
      const org = `B01-O${String(o).padStart(2, '0')}`;
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${jwt.sign({ sub: `bench-${o}`, role: 'local', org, sha: 'B01' }, { algorithm: 'HS256' })}` };
      const { id } = await post(base, '/teams', headers, { name: `Ward ${o}`, orgCode: org, shaCode: 'B01' });
      teams.push({ teamId: id, headers });
    }
    const durations: number[] = [];
    const started = performance.now();
    for (let i = 0; i < commands; i++) {
      const team = teams[i % teams.length];
      if (!team) throw new Error('no team');
      const before = performance.now();
      await post(base, '/spirals', team.headers, need(team.teamId, i));
      durations.push(performance.now() - before);
    }
    return summarise(durations, performance.now() - started);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function post(base: string, path: string, headers: Record<string, string>, body: object): Promise<{ id: string }> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string };
}
