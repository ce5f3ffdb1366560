import type { Worker } from 'node:worker_threads';
import type { JobProgress } from './job';
import { startWorker } from './start-worker';

/** What the pool sends a worker: one job to run; the worker takes the next only once it has answered. */
export interface WorkerJobOrder {
  readonly type: 'run';
  readonly kind: string;
  readonly input: unknown;
}

/** What a worker posts to the thread that started it, about the job it runs. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: unknown }
  | { readonly type: 'failed'; readonly error: string };

/** What a worker is started with: the composition's configuration to open its engines with. */
export interface WorkerJobData {
  readonly config: unknown;
}

export const WORKER_JOBS = Symbol('WorkerJobs');

/**
 * Runs jobs in a small pool of worker threads started from the composition's worker entry with the
 * composition's configuration: each worker opens its own connections per job (a second SQLite
 * connection under WAL, its own client on the other engines), so the thread that answers requests
 * only receives progress messages and results. A worker is kept once started and takes the next
 * job: starting one costs 1-2 s of CPU loading the code base, which on 2 cores the request thread
 * would feel at every job. The pool keeps at most `size` idle workers (the queue runs at most that
 * many jobs at once). A job whose worker crashes or exits fails with what happened, and that worker
 * is replaced by a fresh one at the next job; an abort ends the worker (a job cannot be stopped
 * inside it), likewise replaced.
 */
export class WorkerJobs {
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private started = 0;

  constructor(
    private readonly entry: string,
    private readonly config: unknown,
    private readonly size = 1,
  ) {}

  /** Workers started since this pool was made (one per crash or abort beyond the first ones). */
  get workersStarted(): number {
    return this.started;
  }

  run<R>(kind: string, input: unknown, progress: JobProgress, signal: AbortSignal): Promise<R> {
    signal.throwIfAborted();
    const worker = this.idle.pop() ?? this.start();
    this.busy.add(worker);
    worker.ref();
    return new Promise<R>((resolve, reject) => {
      const finish = (outcome: () => void, keep: boolean) => {
        signal.removeEventListener('abort', abort);
        worker.off('message', message).off('error', crash).off('exit', exit);
        this.busy.delete(worker);
        if (keep) this.release(worker);
        else void worker.terminate();
        outcome();
      };
      const abort = () => finish(() => reject(signal.reason instanceof Error ? signal.reason : new Error('stopped')), false);
      const message = (answer: WorkerMessage) => {
        if (answer.type === 'progress') progress(answer.done, answer.total);
        else if (answer.type === 'done') finish(() => resolve(answer.result as R), true);
        else finish(() => reject(new Error(answer.error)), true);
      };
      const crash = (error: Error) => finish(() => reject(new Error(`the ${kind} job's worker thread crashed before it finished (${error.message}); the job failed, and the next job gets a new worker`)), false);
      const exit = (code: number) => finish(() => reject(new Error(`the ${kind} job's worker thread exited (code ${code}) before it finished; the job failed, and the next job gets a new worker`)), false);
      signal.addEventListener('abort', abort);
      worker.on('message', message).on('error', crash).on('exit', exit);
      worker.postMessage({ type: 'run', kind, input } satisfies WorkerJobOrder);
    });
  }

  /** Ends every worker, idle or running (the queue has failed their jobs first). */
  async stop(): Promise<void> {
    const all = [...this.idle.splice(0), ...this.busy];
    this.busy.clear();
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  private start(): Worker {
    const data: WorkerJobData = { config: this.config };
    const worker = startWorker(this.entry, { name: 'jobs', workerData: data });
    this.started += 1;
    // An idle worker that ends is only dropped; a running one's end fails its job (run's listeners).
    worker.on('error', () => undefined);
    worker.on('exit', () => this.forget(worker));
    return worker;
  }

  private release(worker: Worker): void {
    if (this.idle.length >= this.size) return void worker.terminate();
    // Waiting for work, it does not hold the process open.
    worker.unref();
    this.idle.push(worker);
  }

  private forget(worker: Worker): void {
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    this.busy.delete(worker);
  }
}
