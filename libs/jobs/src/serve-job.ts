import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { JobProgress } from './job';
import type { WorkerJobData, WorkerJobOrder, WorkerMessage } from './worker-jobs';

/** One kind of job as a worker runs it: from its input and the configuration, to a result that can be posted. */
export type JobHandler<C> = (input: never, config: C, progress: JobProgress) => Promise<unknown>;

/** Progress messages at most this often: a job reports per page, a page can be a few milliseconds. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * The worker's side: waits for jobs from its pool (WorkerJobs), runs each with the handler of its
 * kind, posts progress, then its result or its failure, and waits for the next. Called once by the
 * composition's worker entry.
 */
export function serveJob<C>(handlers: Readonly<Record<string, JobHandler<C>>>): void {
  if (isMainThread || parentPort === null) throw new Error('serveJob runs in a worker thread started by WorkerJobs');
  const port = parentPort;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const { config } = workerData as WorkerJobData;
  port.on('message', ({ kind, input }: WorkerJobOrder) => {
    const handler = handlers[kind];
    const run = handler ? handler(input as never, config as C, throttled(post)) : Promise.reject(new Error(`no job of kind ${kind}`));
    run.then(
      (result) => post({ type: 'done', result }),
      (error: unknown) => post({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/** A job's progress, posted at most every PROGRESS_INTERVAL_MS, and always at its end. */
function throttled(post: (message: WorkerMessage) => void): JobProgress {
  let lastPost = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - lastPost < PROGRESS_INTERVAL_MS && done < total) return;
    lastPost = now;
    post({ type: 'progress', done, total });
  };
}
