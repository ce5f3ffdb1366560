import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { JobProgress } from './job';
import type { WorkerJobData, WorkerMessage } from './worker-jobs';

/** One kind of job as a worker runs it: from its input and the configuration, to a result that can be posted. */
export type JobHandler<C> = (input: never, config: C, progress: JobProgress) => Promise<unknown>;

/** Progress messages at most this often: a job reports per page, a page can be a few milliseconds. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * The worker's side: runs the job it was started for with the handler of its kind, posts
 * progress, then its result or its failure. Called once by the composition's worker entry.
 */
export function serveJob<C>(handlers: Readonly<Record<string, JobHandler<C>>>): void {
  if (isMainThread || parentPort === null) throw new Error('serveJob runs in a worker thread started by WorkerJobs');
  const port = parentPort;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const { kind, input, config } = workerData as WorkerJobData;
  const handler = handlers[kind];
  let lastPost = 0;
  const progress: JobProgress = (done, total) => {
    const now = Date.now();
    if (now - lastPost < PROGRESS_INTERVAL_MS && done < total) return;
    lastPost = now;
    post({ type: 'progress', done, total });
  };
  const run = handler ? handler(input as never, config as C, progress) : Promise.reject(new Error(`no job of kind ${kind}`));
  run.then(
    (result) => post({ type: 'done', result }),
    (error: unknown) => post({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
  );
}
