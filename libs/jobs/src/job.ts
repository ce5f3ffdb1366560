export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** Where a job stands: what GET /<jobs>/:id answers, its result once done. */
export interface JobStatus<R = unknown, I = unknown> {
  readonly id: string;
  readonly kind: string;
  /** What the job was asked (a replay's view and moment, an evaluation's query). */
  readonly input: I;
  readonly status: JobState;
  /** Progress: `done` of `total` (events read, for every job so far); 0 of 0 until it begins. */
  readonly done: number;
  readonly total: number;
  readonly requestedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
  readonly result: R | null;
}

export type JobProgress = (done: number, total: number) => void;

export interface JobRequest<R, I = unknown> {
  readonly kind: string;
  readonly input: I;
  /** Who asked (the token's subject): the per-user limit counts by it. */
  readonly owner: string;
  /** Runs the job (in a worker thread: WorkerJobs.run) with its input. */
  readonly work: (input: I, progress: JobProgress, signal: AbortSignal) => Promise<R>;
  /** Frees what a finished result holds (a replay's copy) when the job is forgotten. */
  readonly discard?: (result: R) => Promise<void>;
}

/** Refused because the queue is full; `retryAfterSeconds` is when a place is likely to free up. */
export class QueueFull extends Error {
  constructor(
    readonly limit: 'in all' | 'per user',
    readonly retryAfterSeconds: number,
  ) {
    super(`too many jobs ${limit === 'in all' ? 'are running or waiting' : 'of yours are running or waiting'}; try again in ${retryAfterSeconds} s`);
  }
}
