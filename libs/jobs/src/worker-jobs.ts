import type { JobProgress } from './job';
import { startWorker } from './start-worker';

/** What a worker posts to the thread that started it. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: unknown }
  | { readonly type: 'failed'; readonly error: string };

/** What a worker is given: the job to run and the composition's configuration to open its engines with. */
export interface WorkerJobData {
  readonly kind: string;
  readonly input: unknown;
  readonly config: unknown;
}

export const WORKER_JOBS = Symbol('WorkerJobs');

/**
 * Runs each job in a worker thread of its own, started from the composition's worker entry with
 * the composition's configuration: the worker opens its own connections (a second SQLite
 * connection under WAL, its own client on the other engines), so the thread that answers requests
 * only receives progress messages and the result. A job that fails in its worker rejects with the
 * worker's message; an abort terminates the worker.
 */
export class WorkerJobs {
  constructor(
    private readonly entry: string,
    private readonly config: unknown,
  ) {}

  run<R>(kind: string, input: unknown, progress: JobProgress, signal: AbortSignal): Promise<R> {
    signal.throwIfAborted();
    const data: WorkerJobData = { kind, input, config: this.config };
    const worker = startWorker(this.entry, { workerData: data });
    return new Promise<R>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', abort);
        outcome();
        void worker.terminate();
      };
      const abort = () => settle(() => reject(signal.reason instanceof Error ? signal.reason : new Error('stopped')));
      signal.addEventListener('abort', abort);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') progress(message.done, message.total);
        else if (message.type === 'done') settle(() => resolve(message.result as R));
        else settle(() => reject(new Error(message.error)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the ${kind} worker stopped (exit code ${code}) before it finished`))));
    });
  }
}
