// CPU time per command of each thread of the embedded server, from /proc: a figure that holds on a
// shared machine, where throughput and latency mostly measure the others' load. Starts the given
// build's server (as bench 1b does, with its load: RecogniseNeed over 20 teams), warms it up, sends
// <commands> at <connections>, waits for the views, and reads each thread's user+system time.
// Usage (after npm run build): node tools/cpu-per-command.js <repo root with dist/> [commands] [connections]
const { readFileSync, readdirSync, mkdtempSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const root = process.argv[2];
const total = Number(process.argv[3] ?? 5000);
const connections = Number(process.argv[4] ?? 32);
const { startEmbeddedServer, BENCH_SECRET } = require(join(root, 'dist/apps/bench/src/embedded-server.js'));
const { bearer, HttpClient } = require(join(root, 'dist/apps/bench/src/http-client.js'));
const TICK = 100; // USER_HZ
function threads(pid) {
  const out = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out[`${tid}:${name}`] = (Number(f[11]) + Number(f[12])) * (1000 / TICK);
  }
  return out;
}
(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lt-cpu-'));
  const server = await startEmbeddedServer(dataDir);
  const client = new HttpClient(server.base, connections);
  const teams = [];
  for (let o = 1; o <= 20; o++) {
    const org = `B01-O${String(o).padStart(2, '0')}`;
    const headers = bearer(BENCH_SECRET, { sub: `bench-${o}`, role: 'local', org, sha: 'B01' });
    const body = await client.expect(201, 'POST', 'teams', headers, { name: `Ward ${o}`, orgCode: org, shaCode: 'B01' });
    teams.push({ teamId: JSON.parse(body).id, headers });
  }
  let sent = 0;
  const need = (teamId, index) => ({ teamId, title: `Door-to-needle time ${index}`, measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' }, baseline: 78, target: 60, trigger: { kind: 'nationalPriority' }, gap: 'Half our patients wait over an hour for thrombolysis.' });
  const shot = async () => { const i = sent++; const t = teams[i % 20]; await client.expect(201, 'POST', 'spirals', t.headers, need(t.teamId, i)); };
  const run = async (n) => { let left = n; await Promise.all(Array.from({ length: connections }, async () => { while (left-- > 0) await shot(); })); };
  await run(Math.min(1000, total / 5)); // warm-up
  await new Promise((r) => setTimeout(r, 1500)); // let the views settle
  const before = threads(server.pid);
  const t0 = performance.now();
  await run(total);
  const wall = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 3000)); // the views' work for these commands
  const after = threads(server.pid);
  const rows = Object.keys(after).map((k) => [k, ((after[k] - (before[k] ?? 0)) / total).toFixed(3)]).filter(([, v]) => v > 0.005);
  console.log(JSON.stringify({ root, total, connections, perSecond: Math.round(total / (wall / 1000)), cpuMsPerCommand: Object.fromEntries(rows) }));
  client.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
})();
