import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { JobQueue } from './job-queue';
import type { JobLimits } from './job-limits';
import { THREAD_READS, ThreadReads } from './thread-reads';
import { WORKER_JOBS, WorkerJobs } from './worker-jobs';

export interface JobsOptions {
  readonly limits: JobLimits;
  /** The composition's worker entry (a file calling serveJob) and what it opens its engines from. */
  readonly worker: { readonly entry: string; readonly config: unknown };
}

/** Stops the running jobs' workers when the server stops, rather than holding the shutdown for a whole history, then the idle ones. */
class JobsStopper implements OnApplicationShutdown {
  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(WORKER_JOBS) private readonly workers: WorkerJobs,
    @Inject(THREAD_READS) private readonly reads: ThreadReads,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
    await this.workers.stop();
    await this.reads.stop();
  }
}

/**
 * One job queue per process, shared by every kind of long job (replays, evaluations, verify), and
 * the thread of heavy reads (ThreadReads), both served by the composition's worker entry.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        { provide: JobQueue, useValue: new JobQueue(options.limits) },
        // As many workers as jobs may run at once, kept between jobs.
        { provide: WORKER_JOBS, useValue: new WorkerJobs(options.worker.entry, options.worker.config, options.limits.running) },
        { provide: THREAD_READS, useValue: new ThreadReads(new WorkerJobs(options.worker.entry, options.worker.config, 1)) },
        JobsStopper,
      ],
      exports: [JobQueue, WORKER_JOBS, THREAD_READS],
    };
  }
}
