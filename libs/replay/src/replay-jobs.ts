import { ConflictException, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { NotFound } from '@spiral/decider';
import { EVENT_STORE, type EventStore } from '@spiral/ports';
import { PROJECTIONS, type Projection } from '@spiral/projections';
import { randomUUID } from 'node:crypto';
import { describeAsOf, type AsOf } from './as-of';
import { ISOLATED_COPIES, type IsolatedCopies, type IsolatedCopy } from './isolated-copies';
import { replayViews, selectProjections, type ReplayFigures } from './replay-views';
import { exportViews, type ExportFormat } from './view-export';

export type ReplayJobState = 'queued' | 'running' | 'done' | 'failed';

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

interface ReplayJob {
  status: ReplayJobStatus;
  readonly projections: readonly Projection[];
  copy?: IsolatedCopy;
}

/** Finished jobs kept with their copies; the oldest is discarded beyond this. */
const KEPT_JOBS = 10;

/**
 * Replay jobs of this process, run one at a time (a replay reads the whole history: two at once
 * would only halve each other's speed and the live system's), each into its own isolated copy.
 * Jobs live in memory: a restart forgets them and their copies are temporary files.
 */
@Injectable()
export class ReplayJobs implements OnApplicationShutdown {
  private readonly logger = new Logger(ReplayJobs.name);
  private readonly jobs = new Map<string, ReplayJob>();
  private queue: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ISOLATED_COPIES) private readonly copies: IsolatedCopies,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
  ) {}

  start(view: string, asOf: AsOf, now: string): ReplayJobStatus {
    const projections = selectProjections(this.projections, view);
    const id = randomUUID();
    const job: ReplayJob = {
      projections,
      status: { id, view, asOf: describeAsOf(asOf), status: 'queued', eventsDone: 0, eventsTotal: 0, requestedAt: now, finishedAt: null, figures: null, error: null },
    };
    this.jobs.set(id, job);
    this.queue = this.queue.then(() => this.run(job, asOf));
    return job.status;
  }

  status(id: string): ReplayJobStatus {
    const job = this.jobs.get(id);
    if (job === undefined) throw new NotFound('replay', id);
    return job.status;
  }

  /** The replayed views as text chunks; only a finished job has them. */
  result(id: string, format: ExportFormat): AsyncGenerator<string> {
    const job = this.jobs.get(id);
    if (job === undefined) throw new NotFound('replay', id);
    if (job.status.status !== 'done' || job.copy === undefined) throw new ConflictException(`replay ${id} is ${job.status.status}: its result exists once it is done`);
    return exportViews(job.copy.views, job.projections, format, { asOf: job.status.asOf, replay: job.status.figures });
  }

  /** Resolves when every job started so far has finished (tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  async onApplicationShutdown(): Promise<void> {
    // A running replay stops at its next page rather than holding the shutdown for the whole history.
    this.stopping = true;
    await this.queue;
    for (const job of this.jobs.values()) await job.copy?.discard();
  }

  private async run(job: ReplayJob, asOf: AsOf): Promise<void> {
    const update = (change: Partial<ReplayJobStatus>) => (job.status = { ...job.status, ...change });
    update({ status: 'running' });
    try {
      if (this.stopping) throw new Error('the server is stopping');
      job.copy = await this.copies(job.status.id);
      const figures = await replayViews({
        store: this.store,
        projections: job.projections,
        target: job.copy.views,
        asOf,
        progress: (eventsDone, eventsTotal) => {
          if (this.stopping) throw new Error('the server is stopping');
          update({ eventsDone, eventsTotal });
        },
      });
      update({ status: 'done', figures, eventsDone: figures.eventsRead, eventsTotal: figures.lastPosition, finishedAt: new Date().toISOString() });
      this.logger.log(`replay ${job.status.id} of ${job.status.view} as of ${job.status.asOf} done into ${job.copy.location}`);
    } catch (error) {
      update({ status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: new Date().toISOString() });
      this.logger.error(`replay ${job.status.id} failed: ${job.status.error ?? ''}`);
    }
    await this.forgetOldJobs();
  }

  private async forgetOldJobs(): Promise<void> {
    const finished = [...this.jobs.values()].filter((job) => job.status.finishedAt !== null);
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_JOBS))) {
      this.jobs.delete(job.status.id);
      await job.copy?.discard();
    }
  }
}
