import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@spiral/decider';
import { JobQueue, WORKER_JOBS, type JobStatus, type WorkerJobs } from '@spiral/jobs';
import { checkEvaluationRequest, InvalidEvaluationRequest, type EvaluationAnswer, type EvaluationRequest } from '../evaluation/evaluation-request';

export const EVALUATION_JOB = 'evaluation';

/** What an evaluation job is asked: the query's moments, and the `now` an absent asOf means. */
export interface EvaluationJobInput {
  readonly request: EvaluationRequest;
  readonly now: string;
}

export type EvaluationJobStatus = JobStatus<EvaluationAnswer, EvaluationJobInput>;

/**
 * Evaluations through the process's job queue, each in a worker thread of its own: a request is
 * checked here (400 at once, nothing queued), then counts against the queue's limits like a replay.
 */
@Injectable()
export class EvaluationJobs {
  constructor(
    private readonly queue: JobQueue,
    @Inject(WORKER_JOBS) private readonly workers: WorkerJobs,
  ) {}

  start(request: EvaluationRequest, now: string, owner: string): EvaluationJobStatus {
    try {
      checkEvaluationRequest(request, now);
    } catch (error) {
      if (error instanceof InvalidEvaluationRequest) {
        throw new BadRequestException({ error: 'invalid_input', message: error.message, problems: [{ field: error.field, reason: error.message }] });
      }
      throw error;
    }
    return this.queue.submit<EvaluationAnswer, EvaluationJobInput>({
      kind: EVALUATION_JOB,
      owner,
      input: { request: { ...request }, now },
      work: (input, progress, signal) => this.workers.run(EVALUATION_JOB, input, progress, signal),
    });
  }

  status(id: string): EvaluationJobStatus {
    const job = this.queue.status<EvaluationAnswer, EvaluationJobInput>(id, EVALUATION_JOB);
    if (job === undefined) throw new NotFound('evaluation', id);
    return job;
  }

  /** The answer once the job has run; its failure as an error. */
  async answer(id: string): Promise<EvaluationAnswer> {
    const job = await this.queue.finished<EvaluationAnswer>(id);
    if (job.status === 'failed' || job.result === null) throw new Error(`evaluation ${id} failed: ${job.error ?? 'no answer'}`);
    return job.result;
  }
}
