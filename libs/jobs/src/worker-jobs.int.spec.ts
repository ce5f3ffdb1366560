import { join } from 'node:path';
import type { JobProgress } from './job';
import { WorkerJobs } from './worker-jobs';

const ENTRY = join(__dirname, 'testing', 'pool.test-worker.ts');

describe('WorkerJobs, the pool of job worker threads', () => {
  let pool: WorkerJobs;
  const never = new AbortController().signal;
  const run = <R>(kind: string, input: unknown = {}, progress: JobProgress = () => {}, signal = never) => pool.run<R>(kind, input, progress, signal);

  beforeEach(() => {
    pool = new WorkerJobs(ENTRY, { greeting: 'hello' }, 1);
  });

  afterEach(async () => {
    await pool.stop();
  });

  it('runs a second job in the worker the first one started, with the configuration it was given', async () => {
    const first = await run<{ threadId: number; greeting: string }>('thread');
    const second = await run<{ threadId: number }>('thread');
    expect(first.greeting).toBe('hello');
    expect(second.threadId).toBe(first.threadId);
    expect(pool.workersStarted).toBe(1);
  }, 60_000);

  it("passes a job's progress on, and a job's own failure leaves its worker serving", async () => {
    const reported: [number, number][] = [];
    expect(await run('counted', { steps: 3 }, (done, total) => void reported.push([done, total]))).toBe(3);
    // Throttled, but the end is always posted.
    expect(reported.at(-1)).toEqual([3, 3]);
    await expect(run('refused')).rejects.toThrow('no such store');
    await expect(run('unknown')).rejects.toThrow('no job of kind unknown');
    await run('thread');
    expect(pool.workersStarted).toBe(1);
  }, 60_000);

  it('fails the job of a worker that crashes with a clear error, and replaces the worker for the next job', async () => {
    const before = await run<{ threadId: number }>('thread');
    await expect(run('crash')).rejects.toThrow(/the crash job's worker thread crashed before it finished \(the worker broke\); the job failed, and the next job gets a new worker/);
    const after = await run<{ threadId: number }>('thread');
    expect(after.threadId).not.toBe(before.threadId);
    await expect(run('exit')).rejects.toThrow(/the exit job's worker thread exited \(code 3\) before it finished/);
    await run('thread');
    expect(pool.workersStarted).toBe(3);
  }, 60_000);

  it('ends the worker of an aborted job and starts another for the next', async () => {
    const controller = new AbortController();
    const stuck = run('hang', {}, () => {}, controller.signal).catch((error: unknown) => error);
    controller.abort(new Error('the server is stopping'));
    expect(await stuck).toEqual(new Error('the server is stopping'));
    await run('thread');
    expect(pool.workersStarted).toBe(2);
  }, 60_000);
});
