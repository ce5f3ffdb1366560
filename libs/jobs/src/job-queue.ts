import { randomUUID } from 'node:crypto';
import { QueueFull, type JobRequest, type JobStatus } from './job';
import type { JobLimits } from './job-limits';

interface Job {
  status: JobStatus;
  readonly owner: string;
  readonly request: JobRequest<unknown, unknown>;
  readonly finished: Promise<void>;
  settle(): void;
}

/** Finished jobs kept (with their results) per kind; the oldest is forgotten beyond this. */
export const KEPT_FINISHED_JOBS = 10;
/** Retry-After when no job of the kind has finished yet to estimate from. */
const UNKNOWN_DURATION_SECONDS = 5;

/**
 * The bounded queue of long jobs: at most `running` at once, at most `queued` accepted in all and
 * `perUser` per user; past a limit `submit` throws QueueFull (429 with Retry-After). The work
 * itself runs wherever the job's function puts it (a worker thread: see WorkerJobs); the queue
 * only orders, bounds and records. Jobs live in memory: a restart forgets them.
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly controller = new AbortController();

  constructor(
    readonly limits: JobLimits,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  submit<R, I>(request: JobRequest<R, I>): JobStatus<R, I> {
    const accepted = [...this.jobs.values()].filter((job) => job.status.finishedAt === null);
    if (accepted.filter((job) => job.owner === request.owner).length >= this.limits.perUser) throw new QueueFull('per user', this.retryAfter(request.kind));
    if (accepted.length >= this.limits.queued) throw new QueueFull('in all', this.retryAfter(request.kind));
    let settle = () => {};
    const finished = new Promise<void>((resolve) => (settle = resolve));
    const job: Job = {
      owner: request.owner,
      request: request as JobRequest<unknown, unknown>,
      finished,
      settle,
      status: { id: randomUUID(), kind: request.kind, input: request.input, status: 'queued', done: 0, total: 0, requestedAt: this.now(), startedAt: null, finishedAt: null, error: null, result: null },
    };
    this.jobs.set(job.status.id, job);
    this.startWaiting();
    return job.status as JobStatus<R, I>;
  }

  /** The job's status, or undefined when it is unknown here (never started, or forgotten). */
  status<R, I>(id: string, kind: string): JobStatus<R, I> | undefined {
    const job = this.jobs.get(id);
    return job?.status.kind === kind ? (job.status as JobStatus<R, I>) : undefined;
  }

  /** Resolves with the job's final status once it has finished, done or failed. */
  async finished<R>(id: string): Promise<JobStatus<R>> {
    const job = this.jobs.get(id);
    if (job === undefined) throw new Error(`no job ${id}`);
    await job.finished;
    return job.status as JobStatus<R>;
  }

  /** The most recently finished job of a kind that succeeded. */
  latestDone<R>(kind: string): JobStatus<R> | undefined {
    const done = [...this.jobs.values()].filter((job) => job.status.kind === kind && job.status.status === 'done');
    return done.sort((a, b) => ((a.status.finishedAt ?? '') < (b.status.finishedAt ?? '') ? -1 : 1)).at(-1)?.status as JobStatus<R> | undefined;
  }

  /** Resolves when every job accepted so far has finished (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.finished));
  }

  /** Stops the running jobs (their workers are terminated), fails the waiting ones, frees every result. */
  async stop(): Promise<void> {
    this.controller.abort(new Error('the server is stopping'));
    await this.idle();
    for (const job of this.jobs.values()) await this.discard(job);
    this.jobs.clear();
  }

  private startWaiting(): void {
    const running = [...this.jobs.values()].filter((job) => job.status.status === 'running').length;
    const waiting = [...this.jobs.values()].filter((job) => job.status.status === 'queued');
    for (const job of waiting.slice(0, Math.max(0, this.limits.running - running))) void this.run(job);
  }

  private async run(job: Job): Promise<void> {
    const update = (change: Partial<JobStatus>) => (job.status = { ...job.status, ...change });
    update({ status: 'running', startedAt: this.now() });
    try {
      this.controller.signal.throwIfAborted();
      const result = await job.request.work(job.status.input, (done, total) => update({ done, total }), this.controller.signal);
      update({ status: 'done', result, finishedAt: this.now() });
    } catch (error) {
      update({ status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: this.now() });
    }
    job.settle();
    await this.forgetOldJobs(job.status.kind);
    this.startWaiting();
  }

  /** When a place is likely to free up: what the oldest running job has left, by the kind's last run. */
  private retryAfter(kind: string): number {
    const last = this.latestDone(kind);
    const typical = last?.startedAt && last.finishedAt ? (Date.parse(last.finishedAt) - Date.parse(last.startedAt)) / 1000 : UNKNOWN_DURATION_SECONDS;
    const oldest = [...this.jobs.values()].find((job) => job.status.status === 'running')?.status.startedAt;
    const elapsed = oldest ? (Date.parse(this.now()) - Date.parse(oldest)) / 1000 : 0;
    return Math.max(1, Math.ceil(typical - elapsed));
  }

  private async forgetOldJobs(kind: string): Promise<void> {
    const finished = [...this.jobs.values()].filter((job) => job.status.kind === kind && job.status.finishedAt !== null);
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED_JOBS))) {
      this.jobs.delete(job.status.id);
      await this.discard(job);
    }
  }

  private async discard(job: Job): Promise<void> {
    if (job.status.status === 'done' && job.request.discard) await job.request.discard(job.status.result);
  }
}
