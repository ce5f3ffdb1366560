import { embeddedConfigFrom } from '@spiral/embedded-system';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSeed } from '../../apps/cli/src/seed/seed-runner';
import { DEFAULT_RANDOM_SEED } from '../../apps/cli/src/seed/seed-size';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';

const analyst: Identity = { role: 'analyst', sub: 'exporter' };
const national: Identity = { role: 'national', sub: 'operator' };

interface JobAnswer {
  readonly id: string;
  readonly status: string;
  readonly done: number;
  readonly total: number;
  readonly error: string | null;
}

describe('rebuilds and exports as jobs off the request thread', () => {
  let harness: EmbeddedHarness;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-e2e-rebuild-export-'));
    await runSeed({ size: 'small', randomSeed: DEFAULT_RANDOM_SEED, config: { ...embeddedConfigFrom({}), dataDir } });
    harness = await EmbeddedHarness.start({ dataDir });
    await harness.viewsCaughtUp();
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  async function until<T extends { status: string }>(read: () => Promise<T>): Promise<T> {
    for (;;) {
      const answer = await read();
      if (answer.status === 'done' || answer.status === 'failed') return answer;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("writes a replay's export in a job whose progress is readable, then serves the file it wrote", async () => {
    const started = await harness.http.post('/api/v1/replays').set(harness.bearer(analyst)).send({ view: 'national-view', asOf: '2100-01-01' }).expect(202);
    const id = (started.body as { id: string }).id;
    await until(async () => (await harness.http.get(`/api/v1/replays/${id}`).set(harness.bearer(analyst)).expect(200)).body as { status: string });
    await harness.http.get(`/api/v1/replays/${id}/export`).query({ format: 'csv' }).set(harness.bearer(analyst)).expect(404);

    const first = await harness.http.get(`/api/v1/replays/${id}/result`).query({ format: 'csv' }).set(harness.bearer(analyst)).expect(200);
    expect(first.headers['content-type']).toMatch(/^text\/csv/);
    expect(first.text.startsWith('view,version,collection,')).toBe(true);
    const exported = (await harness.http.get(`/api/v1/replays/${id}/export`).query({ format: 'csv' }).set(harness.bearer(analyst)).expect(200)).body as JobAnswer & { format: string };
    // national-view's collections, each read twice (the CSV header needs every field first).
    expect(exported).toMatchObject({ format: 'csv', status: 'done', error: null });
    expect(exported.total).toBeGreaterThan(0);
    expect(exported.done).toBe(exported.total);

    const again = await harness.http.get(`/api/v1/replays/${id}/result`).query({ format: 'csv' }).set(harness.bearer(analyst)).expect(200);
    expect(again.text).toBe(first.text);
    // The second request found the file: no second export job.
    expect(((await harness.http.get(`/api/v1/replays/${id}/export`).query({ format: 'csv' }).set(harness.bearer(analyst))).body as JobAnswer).id).toBe(exported.id);
    const json = await harness.http.get(`/api/v1/replays/${id}/result`).set(harness.bearer(analyst)).expect(200);
    expect((json.body as { views: { view: string }[] }).views.map((view) => view.view)).toEqual(['national-view']);
  }, 120_000);

  it('rebuilds every view on the running server as a job (started by national staff, followed by any who read everything), pausing the live views and resuming them after', async () => {
    const before = (await harness.http.get('/api/v1/national/view').set(harness.bearer(national)).expect(200)).body as unknown;
    await harness.http.post('/api/v1/rebuilds').set(harness.bearer(analyst)).send({}).expect(403);
    await harness.http.post('/api/v1/rebuilds').set(harness.bearer(national)).send({ full: true }).expect(400);

    const started = await harness.http.post('/api/v1/rebuilds').set(harness.bearer(national)).expect(202);
    const job = await until(async () => (await harness.http.get(`/api/v1/rebuilds/${(started.body as JobAnswer).id}`).set(harness.bearer(national)).expect(200)).body as JobAnswer & { result: { events: number } | null });
    expect(job).toMatchObject({ status: 'done', error: null });
    const head = await harness.eventStore.headPosition();
    expect(job.result?.events).toBe(head);
    expect(job.done).toBe(head);
    // Following it is a read: analysts and auditors read everything; a local user reads their area only.
    const follow = (identity: Identity) => harness.http.get(`/api/v1/rebuilds/${job.id}`).set(harness.bearer(identity));
    await follow(analyst).expect(200);
    await follow({ role: 'auditor', sub: 'auditor' }).expect(200);
    await follow({ role: 'local', org: 'B01-O01', sha: 'B01' }).expect(403);

    await harness.viewsCaughtUp();
    expect((await harness.http.get('/api/v1/national/view').set(harness.bearer(national)).expect(200)).body).toEqual(before);
    // The live views run again: a new team shows in its organisation's view.
    const local: Identity = { role: 'local', org: 'B01-O01', sha: 'B01' };
    const team = (await harness.http.post('/api/v1/teams').set(harness.bearer(local)).send({ name: 'After the rebuild', orgCode: 'B01-O01', shaCode: 'B01' }).expect(201)).body as { id: string };
    await harness.viewsCaughtUp();
    await harness.http.get(`/api/v1/teams/${team.id}/view`).set(harness.bearer(local)).expect(200);
  }, 180_000);
});
