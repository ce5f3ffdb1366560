import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@spiral/decider';
import { JobQueue, WORKER_JOBS, type JobStatus, type WorkerJobs } from '@spiral/jobs';
import { PROJECTIONS, type Projection } from '@spiral/projections';
import { existsSync } from 'node:fs';
import { describeAsOf, type AsOf } from './as-of';
import { openSqliteCopy } from './isolated-copies';
import { EXPORT_JOB, exportFileOf, type ExportJobInput } from './jobs/export-job';
import { REPLAY_JOB, type ReplayJobInput, type ReplayOutcome } from './jobs/replay-job';
import { selectProjections, type ReplayFigures } from './replay-views';
import { EXPORT_FORMATS, type ExportFormat } from './view-export';

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

/** GET /replays/:id/export: where the export of a replay's result in a format stands. */
export type ExportJobStatus = Pick<JobStatus, 'id' | 'status' | 'done' | 'total' | 'requestedAt' | 'startedAt' | 'finishedAt' | 'error'> & { readonly format: ExportFormat };

/**
 * Replay jobs of this process: each runs in a job worker thread through the process's job queue
 * (bounded per user and in all: JobQueue), into an isolated SQLite copy the worker fills. Its
 * result is exported by a job too (EXPORT_JOB, one per format, asked by the first request for it):
 * the worker writes the export to a file beside the copy, and the requests stream that file, so
 * the thread that answers requests neither reads the views nor serialises them. Jobs live in
 * memory: a restart forgets them.
 */
@Injectable()
export class ReplayJobs {
  /** The export job of each replay's copy and format (`<copy file>.<format>`); forgotten with the copy. */
  private readonly exports = new Map<string, string>();

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
      discard: async (outcome) => {
        for (const format of EXPORT_FORMATS) this.exports.delete(`${outcome.copyFile}.${format}`);
        await (await openSqliteCopy(outcome.copyFile)).discard();
      },
    });
    return describe(job);
  }

  status(id: string): ReplayJobStatus {
    return describe(this.job(id));
  }

  /**
   * The file holding the replayed views in the format; only a finished replay has them (409
   * before). The first request for a format starts its export job (for `owner`, counted by the
   * queue: QueueFull when full) and every request waits for it; later ones find the file.
   */
  async result(id: string, format: ExportFormat, owner: string): Promise<string> {
    const job = this.job(id);
    if (job.status !== 'done' || job.result === null) throw new ConflictException(`replay ${id} is ${job.status}: its result exists once it is done`);
    const file = exportFileOf(job.result.copyFile, format);
    if (existsSync(file)) return file;
    const exported = await this.queue.finished<string>(this.exportOf(job, format, owner).id);
    if (exported.status !== 'done' || exported.result === null) throw new Error(`the ${format} export of replay ${id} failed: ${exported.error ?? 'no file'}`);
    return exported.result;
  }

  /** Where the export of a replay in a format stands; 404 when none was asked for (or it is forgotten). */
  exportStatus(id: string, format: ExportFormat): ExportJobStatus {
    const replay = this.job(id).result;
    const exportId = replay === null ? undefined : this.exports.get(`${replay.copyFile}.${format}`);
    const job = exportId === undefined ? undefined : this.queue.status<string, ExportJobInput>(exportId, EXPORT_JOB);
    if (job === undefined) throw new NotFound('export', `${id}.${format}`);
    const { status, done, total, requestedAt, startedAt, finishedAt, error } = job;
    return { id: job.id, format, status, done, total, requestedAt, startedAt, finishedAt, error };
  }

  /** Resolves when every job started so far has finished (tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** The export job of the replay in the format: the one under way, else a new one (after none, or a failed one). */
  private exportOf(replay: JobStatus<ReplayOutcome, ReplayJobInput>, format: ExportFormat, owner: string): JobStatus<string, ExportJobInput> {
    const outcome = replay.result as ReplayOutcome;
    const key = `${outcome.copyFile}.${format}`;
    const known = this.exports.get(key);
    const under = known === undefined ? undefined : this.queue.status<string, ExportJobInput>(known, EXPORT_JOB);
    if (under !== undefined && under.status !== 'failed') return under;
    const job = this.queue.submit<string, ExportJobInput>({
      kind: EXPORT_JOB,
      owner,
      input: { copyFile: outcome.copyFile, view: replay.input.view, format, header: { asOf: replay.input.asOf, replay: outcome.figures } },
      work: (input, progress, signal) => this.workers.run(EXPORT_JOB, input, progress, signal),
    });
    this.exports.set(key, job.id);
    return job;
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
