import { Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@spiral/decider';
import { JobQueue, WORKER_JOBS, type JobStatus, type WorkerJobs } from '@spiral/jobs';
import { VIEW_STORE, type ViewStore } from '@spiral/ports';
import { recordVerification, VERIFY_JOB, type RecordedVerification, type Verification } from './verification';

export type VerifyJobStatus = JobStatus<RecordedVerification & { readonly report: Verification['report'] }, Record<string, never>>;

/**
 * Verify runs when asked, as a job: in a worker thread of its own, counted by the process's job
 * queue (429 when full). Each verification that finishes is recorded in the view store, where
 * GET /audit/verifications/latest (the audit page) reads it.
 */
@Injectable()
export class VerifyJobs {
  constructor(
    private readonly queue: JobQueue,
    @Inject(WORKER_JOBS) private readonly workers: WorkerJobs,
    @Inject(VIEW_STORE) private readonly views: ViewStore,
  ) {}

  start(owner: string): VerifyJobStatus {
    return this.queue.submit({
      kind: VERIFY_JOB,
      owner,
      input: {},
      work: async (input, progress, signal) => {
        const verification = await this.workers.run<Verification>(VERIFY_JOB, input, progress, signal);
        // The job keeps the whole report (every break); the record keeps the first ones.
        return { ...(await recordVerification(this.views, verification)), report: verification.report };
      },
    });
  }

  status(id: string): VerifyJobStatus {
    const job = this.queue.status<VerifyJobStatus['result'], Record<string, never>>(id, VERIFY_JOB);
    if (job === undefined) throw new NotFound('verification', id);
    return job as VerifyJobStatus;
  }

  /** The finished job's verification; its failure as an error. */
  async verification(id: string): Promise<RecordedVerification> {
    const job = await this.queue.finished<RecordedVerification>(id);
    if (job.status === 'failed' || job.result === null) throw new Error(`verification ${id} failed: ${job.error ?? 'no report'}`);
    return job.result;
  }
}
