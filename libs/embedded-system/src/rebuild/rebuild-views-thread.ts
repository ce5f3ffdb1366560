import { startWorker } from '@spiral/jobs';
import { projectionKey } from '@spiral/projections';
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { EMBEDDED_PROJECTIONS } from '../embedded-projections';
import type { RebuildFigures } from './rebuild-views';
import { rebuildShares } from './rebuild-shares';

const WORKER_MODULE = join(__dirname, `rebuild-views.worker${extname(__filename)}`);

/**
 * The old generation's cap for a whole rebuild, in MB, shared among its threads. The rebuild's live
 * documents are bounded (HistoryViewSession), but V8 left alone grew its heap to 1.8 GB of resident
 * memory at the xlarge seed (1,000,000 events), growing it at each major collection with the room
 * the machine has. At that seed (shared machine, one run each): two threads under 768 MB peaked at
 * 959 MiB resident, under 640 MB at 848 MiB; one thread under 640 MB at 769 MiB, never short of heap.
 */
export const REBUILD_HEAP_MB = 640;

/**
 * Threads a rebuild uses by default: one per core, since each thread's projections are independent
 * of the others' and every thread reads the store on its own (the scan is the smaller part of a rebuild).
 */
export const REBUILD_THREADS = availableParallelism();

export interface RebuildWorkerData {
  readonly dataDir: string;
  /** The keys of the projections this thread rebuilds. */
  readonly only: readonly string[];
}

export type RebuildFromWorker =
  | { readonly kind: 'progress'; readonly events: number; readonly head: number }
  | { readonly kind: 'done'; readonly figures: RebuildFigures }
  | { readonly kind: 'failed'; readonly message: string };

export interface RebuildThreadOptions {
  /** The heap cap of the whole rebuild, in MB, each thread's an equal part of it. */
  readonly heapMb?: number;
  readonly threads?: number;
}

/**
 * rebuildViews with the projections dealt out to worker threads (rebuildShares), each reading the
 * history once for its own projections, their heaps capped together at `heapMb`. Progress is the
 * slowest thread's. A thread that fails stops the others: the views of every projection are then as
 * their last commit left them, and a new rebuild starts over.
 */
export function rebuildViewsInThreads(dataDir: string, progress: (events: number, head: number) => void, options: RebuildThreadOptions = {}): Promise<RebuildFigures> {
  const { heapMb = REBUILD_HEAP_MB, threads = REBUILD_THREADS } = options;
  const shares = rebuildShares(EMBEDDED_PROJECTIONS, threads);
  const threadHeapMb = Math.floor(heapMb / shares.length);
  const read = shares.map(() => 0);
  const results: (RebuildFigures | undefined)[] = shares.map(() => undefined);
  const workers: Worker[] = [];
  return new Promise<RebuildFigures>((resolve, reject) => {
    const fail = (error: Error) => {
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    shares.forEach((only, index) => {
      const workerData: RebuildWorkerData = { dataDir, only };
      const worker = startWorker(WORKER_MODULE, { name: `rebuild-views-${index + 1}`, workerData, resourceLimits: { maxOldGenerationSizeMb: threadHeapMb } });
      workers.push(worker);
      worker.on('message', (message: RebuildFromWorker) => {
        if (message.kind === 'progress') {
          read[index] = message.events;
          progress(Math.min(...read), message.head);
        } else if (message.kind === 'done') {
          results[index] = message.figures;
          const finished = results.filter((result) => result !== undefined);
          if (finished.length === shares.length) resolve(wholeRebuild(finished));
        } else fail(new Error(message.message));
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return fail(error);
        fail(new Error(`a rebuild thread needed more than its ${threadHeapMb} MB of heap (${heapMb} MB over ${shares.length} threads): run it again with a larger --heap-mb or fewer --threads (the views are left as they were before the rebuild's last commit)`));
      });
      worker.on('exit', (code) => {
        if (results[index] === undefined) fail(new Error(`a rebuild thread stopped (exit code ${code}) before it finished`));
      });
    });
  });
}

/**
 * The figures of the threads' rebuilds as one: every thread applied the same events, and the threads
 * ran at once, so the rebuild took as long as the slowest (each thread's start-up left out, as a
 * rebuild in one thread leaves its own out).
 */
function wholeRebuild(results: readonly RebuildFigures[]): RebuildFigures {
  const rebuilt = new Set(results.flatMap((result) => result.projections));
  const events = results[0]?.events ?? 0;
  const seconds = Math.max(...results.map((result) => result.seconds));
  return { events, seconds, eventsPerSecond: events / seconds, projections: EMBEDDED_PROJECTIONS.map(projectionKey).filter((key) => rebuilt.has(key)) };
}
