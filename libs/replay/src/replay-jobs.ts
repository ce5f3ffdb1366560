import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@spiral/decider';
import { JobQueue, WORKER_JOBS, type JobStatus, type WorkerJobs } from '@spiral/jobs';
import { PROJECTIONS, type Projection } from '@spiral/projections';
import { describeAsOf, type AsOf } from './as-of';
import { openSqliteCopy } from './isolated-copies';
import { REPLAY_JOB, type ReplayJobInput, type ReplayOutcome } from './jobs/replay-job';
import { selectProjections, type ReplayFigures } from './replay-views';
import { exportViews, type ExportFormat } from './view-export';

export type ReplayJobState = JobStatus['status'];

/** GET /replays/:id: where a replay job stands, and its figures once done. */
export interface ReplayJobStatus {
  readonly id: string;
  readonly view: string;
  readonly asOf: string;
  readonly status: ReplayJobState;
  readonly eventsDone: number;
  /** Events the replay reads: the store's head when it began (or the as-of position); 0 until it begins. */
  readonly eventsTotal: number;
  readonly requestedAt: string;
  readonly finishedAt: string | null;
  readonly figures: ReplayFigures | null;
  readonly error: string | null;
}

/**
 * Replay jobs of this process: each runs in a worker thread of its own through the process's job
 * queue (bounded per user and in all: JobQueue), into an isolated SQLite copy the worker fills;
 * the result is exported from that copy. Jobs live in memory: a restart forgets them.
 */
@Injectable()
export class ReplayJobs {
  constructor(
    private readonly queue: JobQueue,
    @Inject(WORKER_JOBS) private readonly workers: WorkerJobs,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
  ) {}

  /** Queues a replay for `owner`; throws UnknownView before queueing, QueueFull when the queue is. */
  start(view: string, asOf: AsOf, owner: string): ReplayJobStatus {
    this.projectionsOf(view);
    const job = this.queue.submit<ReplayOutcome, ReplayJobInput>({
      kind: REPLAY_JOB,
      owner,
      input: { view, asOf: describeAsOf(asOf) },
      work: (input, progress, signal) => this.workers.run(REPLAY_JOB, input, progress, signal),
      discard: async (outcome) => (await openSqliteCopy(outcome.copyFile)).discard(),
    });
    return describe(job);
  }

  status(id: string): ReplayJobStatus {
    return describe(this.job(id));
  }

  /** The replayed views as text chunks; only a finished job has them (409 before). */
  result(id: string, format: ExportFormat): AsyncGenerator<string> {
    const job = this.job(id);
    if (job.status !== 'done' || job.result === null) throw new ConflictException(`replay ${id} is ${job.status}: its result exists once it is done`);
    return this.exported(job.input, job.result, format);
  }

  /** Resolves when every job started so far has finished (tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async *exported(input: ReplayJobInput, outcome: ReplayOutcome, format: ExportFormat): AsyncGenerator<string> {
    const copy = await openSqliteCopy(outcome.copyFile);
    try {
      yield* exportViews(copy.views, this.projectionsOf(input.view), format, { asOf: input.asOf, replay: outcome.figures });
    } finally {
      await copy.close();
    }
  }

  private projectionsOf(view: string): Projection[] {
    return selectProjections(this.projections, view);
  }

  private job(id: string): JobStatus<ReplayOutcome, ReplayJobInput> {
    const job = this.queue.status<ReplayOutcome, ReplayJobInput>(id, REPLAY_JOB);
    if (job === undefined) throw new NotFound('replay', id);
    return job;
  }
}

function describe(job: JobStatus<ReplayOutcome, ReplayJobInput>): ReplayJobStatus {
  const figures = job.result?.figures ?? null;
  return {
    id: job.id,
    view: job.input.view,
    asOf: job.input.asOf,
    status: job.status,
    eventsDone: figures?.eventsRead ?? job.done,
    eventsTotal: figures?.lastPosition ?? job.total,
    requestedAt: job.requestedAt,
    finishedAt: job.finishedAt,
    figures,
    error: job.error,
  }
}
