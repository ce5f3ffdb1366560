import { embeddedConfigFrom } from '@spiral/embedded-system';
import { ReplayJobs } from '@spiral/replay';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSeed } from '../../apps/cli/src/seed/seed-runner';
import { DEFAULT_RANDOM_SEED } from '../../apps/cli/src/seed/seed-size';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';

const analyst = (sub: string): Identity => ({ role: 'analyst', sub });
const FAR_FUTURE = '2100-01-01';
/** Generous (the benchmark holds the target, 50 ms at p99): a replay on the request thread held health for seconds. */
const HEALTH_BOUND_MS = 500;

describe('long jobs off the request thread, through a bounded queue', () => {
  let harness: EmbeddedHarness;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-e2e-jobs-'));
    await runSeed({ size: 'small', randomSeed: DEFAULT_RANDOM_SEED, config: { ...embeddedConfigFrom({}), dataDir } });
    harness = await EmbeddedHarness.start({ dataDir, jobs: { running: 1, queued: 2, perUser: 1 } });
    await harness.viewsCaughtUp();
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('answers health checks quickly while a replay of all views of the small seed runs in its worker', async () => {
    const started = await harness.http.post('/api/v1/replays').set(harness.bearer(analyst('health-watcher'))).send({ view: 'all', asOf: FAR_FUTURE }).expect(202);
    const id = (started.body as { id: string }).id;
    const whileRunning: number[] = [];
    let status = 'queued';
    while (status !== 'done' && status !== 'failed') {
      const before = performance.now();
      await harness.http.get('/api/v1/health').expect(200);
      const took = performance.now() - before;
      const job = (await harness.http.get(`/api/v1/replays/${id}`).set(harness.bearer(analyst('health-watcher'))).expect(200)).body as { status: string; eventsDone: number; eventsTotal: number };
      if (job.status === 'running' && status === 'running') whileRunning.push(took);
      status = job.status;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe('done');
    // The replay really ran beside the checks (its status readable meanwhile; the small seed is one page, so no progress between 0 and all).
    expect(whileRunning.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...whileRunning)).toBeLessThan(HEALTH_BOUND_MS);
  }, 120_000);

  it('refuses a job past the per-user and the overall limits with 429 and Retry-After, and takes jobs again once they finished', async () => {
    const replay = (sub: string) => harness.http.post('/api/v1/replays').set(harness.bearer(analyst(sub))).send({ view: 'national-view', asOf: FAR_FUTURE });
    expect((await replay('a')).status).toBe(202);
    const again = await replay('a');
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(again.body).toMatchObject({ statusCode: 429, error: 'too_many_jobs' });
    expect((await replay('b')).status).toBe(202);
    const full = await replay('c');
    expect(full.status).toBe(429);
    expect(Number(full.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Evaluations and verify count against the same queue.
    const evaluation = await harness.http.post('/api/v1/evaluations').set(harness.bearer(analyst('c'))).send({ asOf: FAR_FUTURE });
    expect(evaluation.status).toBe(429);
    expect((await harness.http.get('/api/v1/audit/verify').set(harness.bearer({ role: 'auditor' }))).status).toBe(429);
    await harness.resolve(ReplayJobs).idle();
    expect((await replay('c')).status).toBe(202);
    await harness.resolve(ReplayJobs).idle();
  }, 120_000);

  it('runs an evaluation as a job whose answer is read once it is done', async () => {
    const started = await harness.http.post('/api/v1/evaluations').set(harness.bearer(analyst('evaluator'))).send({ asOf: FAR_FUTURE, compare: '2004-12-31' }).expect(202);
    const id = (started.body as { id: string }).id;
    let job: { status: string; result: { evaluation: unknown; comparison: unknown } | null } = { status: 'queued', result: null };
    while (job.status !== 'done' && job.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await harness.http.get(`/api/v1/evaluations/${id}`).set(harness.bearer(analyst('evaluator'))).expect(200)).body as typeof job;
    }
    expect(job.status).toBe('done');
    const waited = await harness.http.get('/api/v1/evaluation').query({ asOf: FAR_FUTURE, compare: '2004-12-31' }).set(harness.bearer(analyst('evaluator'))).expect(200);
    expect(job.result).toEqual(waited.body);
    expect((await harness.http.post('/api/v1/evaluations').set(harness.bearer(analyst('evaluator'))).send({ from: '2005-01-01' })).status).toBe(400);
  }, 120_000);

  it('verifies on demand and keeps the last verification with when and up to which position it ran', async () => {
    const auditor = harness.bearer({ role: 'auditor' });
    const head = await harness.eventStore.headPosition();
    const started = await harness.http.post('/api/v1/audit/verifications').set(auditor).expect(202);
    const id = (started.body as { id: string }).id;
    let job: { status: string } = { status: 'queued' };
    while (job.status !== 'done' && job.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await harness.http.get(`/api/v1/audit/verifications/${id}`).set(auditor).expect(200)).body as typeof job;
    }
    expect(job.status).toBe('done');
    const latest = (await harness.http.get('/api/v1/audit/verifications/latest').set(auditor).expect(200)).body as { upToPosition: number; finishedAt: string; report: { ok: boolean; events: number } };
    expect(latest.upToPosition).toBe(head);
    expect(latest.report).toMatchObject({ ok: true, events: head });
    expect(Date.parse(latest.finishedAt)).not.toBeNaN();
    // It is kept where a restarted server reads it too.
    await harness.restart();
    expect((await harness.http.get('/api/v1/audit/verifications/latest').set(auditor).expect(200)).body).toEqual(latest);
  }, 120_000);
});
