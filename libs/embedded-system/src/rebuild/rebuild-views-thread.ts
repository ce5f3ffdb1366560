import { startWorker } from '@spiral/jobs';
import { extname, join } from 'node:path';
import type { RebuildFigures } from './rebuild-views';

const WORKER_MODULE = join(__dirname, `rebuild-views.worker${extname(__filename)}`);

/**
 * The old generation's cap for a rebuild, in MB. The rebuild's live documents are bounded
 * (HistoryViewSession): at the xlarge seed (1,000,000 events) they fit in 700 MB, but V8 left
 * alone grew its heap to 1.8 GB of resident memory on that history, growing it at each major
 * collection with the room the machine has. Capped, it collects more often: at the large seed
 * that cost about a tenth of the rate (measured on a shared machine), at the xlarge none seen.
 */
export const REBUILD_HEAP_MB = 768;

export interface RebuildWorkerData {
  readonly dataDir: string;
}

export type RebuildFromWorker =
  | { readonly kind: 'progress'; readonly events: number; readonly head: number }
  | { readonly kind: 'done'; readonly figures: RebuildFigures }
  | { readonly kind: 'failed'; readonly message: string };

/** rebuildViews in a worker thread whose old generation is capped at `heapMb`. */
export function rebuildViewsInThread(dataDir: string, progress: (events: number, head: number) => void, heapMb = REBUILD_HEAP_MB): Promise<RebuildFigures> {
  const workerData: RebuildWorkerData = { dataDir };
  const worker = startWorker(WORKER_MODULE, { name: 'rebuild-views', workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  return new Promise((resolve, reject) => {
    worker.on('message', (message: RebuildFromWorker) => {
      if (message.kind === 'progress') progress(message.events, message.head);
      else if (message.kind === 'done') resolve(message.figures);
      else reject(new Error(message.message));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(error);
      reject(new Error(`the rebuild needed more than ${heapMb} MB of heap: run it again with a larger --heap-mb (the views are left as they were before the rebuild's last commit)`));
    });
    worker.on('exit', (code) => reject(new Error(`the rebuild's thread stopped (exit code ${code}) before it finished`)));
  });
}
