import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import type { RebuildFromWorker, RebuildWorkerData } from './rebuild-views-thread';
import { rebuildViews } from './rebuild-views';

/** One thread of `spiral rebuild-views`, its heap capped, rebuilding its share of the projections (see rebuildViewsInThreads). */
const send = (message: RebuildFromWorker) => parentPort?.postMessage(message);
const { dataDir, only } = workerData as RebuildWorkerData;
rebuildViews(dataDir, (events, head) => send({ kind: 'progress', events, head }), only).then(
  (figures) => send({ kind: 'done', figures }),
  (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
