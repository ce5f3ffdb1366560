import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import type { RebuildFromWorker, RebuildWorkerData } from './rebuild-views-thread';
import { rebuildViews } from './rebuild-views';

/** `spiral rebuild-views` in a worker thread whose heap is capped (see rebuildViewsInThread). */
const send = (message: RebuildFromWorker) => parentPort?.postMessage(message);
const { dataDir } = workerData as RebuildWorkerData;
rebuildViews(dataDir, (events, head) => send({ kind: 'progress', events, head })).then(
  (figures) => send({ kind: 'done', figures }),
  (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
