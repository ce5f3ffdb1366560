import { Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@spiral/decider';
import { JobQueue, WORKER_JOBS, type JobStatus, type WorkerJobs } from '@spiral/jobs';
import { LiveViewsThread } from '../live-views/live-views-thread';
import { REBUILD_JOB } from './rebuild-job';
import type { RebuildFigures } from './rebuild-views';

export type RebuildJobStatus = JobStatus<RebuildFigures, Record<string, never>>;

/**
 * `spiral rebuild-views` as a job of the running server: every view of the data folder dropped and
 * rebuilt from the whole history (rebuildViews) in a job worker thread, counted by the job queue
 * (429 when full). The live views' thread is paused around it, since the rebuild rewrites the views
 * it writes; commands are still taken meanwhile, and the live views catch up from the rebuilt
 * checkpoints once it is back. Reads meanwhile see the views as far as the rebuild has come.
 */
@Injectable()
export class RebuildJobs {
  constructor(
    private readonly queue: JobQueue,
    @Inject(WORKER_JOBS) private readonly workers: WorkerJobs,
    private readonly liveViews: LiveViewsThread,
  ) {}

  start(owner: string): RebuildJobStatus {
    return this.queue.submit<RebuildFigures, Record<string, never>>({
      kind: REBUILD_JOB,
      owner,
      input: {},
      work: async (input, progress, signal) => {
        await this.liveViews.pause();
        try {
          return await this.workers.run<RebuildFigures>(REBUILD_JOB, input, progress, signal);
        } finally {
          await this.liveViews.resume();
        }
      },
    });
  }

  status(id: string): RebuildJobStatus {
    const job = this.queue.status<RebuildFigures, Record<string, never>>(id, REBUILD_JOB);
    if (job === undefined) throw new NotFound('rebuild', id);
    return job;
  }
}
