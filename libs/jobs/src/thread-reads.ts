import { QueueFull } from './job';
import type { WorkerJobs } from './worker-jobs';

export const THREAD_READS = Symbol('ThreadReads');

/** Reads waiting for the reads thread beyond which a new one is refused (429): a burst, not a backlog. */
export const MAX_WAITING_READS = 32;
/** Retry-After for a refused read: reads take a fraction of a second to a few seconds. */
const READ_RETRY_AFTER_SECONDS = 2;

/**
 * Reads too heavy for the thread that answers requests: a view derived from every document of a
 * level (the national view parses and judges every spiral, team and adopting spiral; at the xlarge
 * seed its first read took 4.6 s, and /health waited as long). They run one at a time in a worker
 * thread of their own (a pool of one, kept between reads, so the readers' held documents serve read
 * after read), apart from the long jobs' workers, so a read never waits behind a replay. A read
 * answers what the reader's function returned there (JSON text, so the answer is not copied as an
 * object across threads and serialised again here); past MAX_WAITING_READS a read is refused with
 * QueueFull (429 with Retry-After).
 */
export class ThreadReads {
  private waiting = 0;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly never = new AbortController().signal;

  constructor(
    private readonly pool: Pick<WorkerJobs, 'run' | 'stop' | 'workersStarted'>,
    private readonly maxWaiting = MAX_WAITING_READS,
  ) {}

  /** Worker threads started for reads so far: one, kept, unless one crashed. */
  get threadsStarted(): number {
    return this.pool.workersStarted;
  }

  read<R>(kind: string, input: unknown): Promise<R> {
    if (this.waiting >= this.maxWaiting) return Promise.reject(new QueueFull('in all', READ_RETRY_AFTER_SECONDS));
    this.waiting += 1;
    const result = this.turn.then(() => this.pool.run<R>(kind, input, () => undefined, this.never)).finally(() => (this.waiting -= 1));
    this.turn = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every read accepted so far has finished (a generation is dropped only after the reads that may read it). */
  async settled(): Promise<void> {
    await this.turn;
  }

  stop(): Promise<void> {
    return this.pool.stop();
  }
}
