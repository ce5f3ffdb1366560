import { parentPort, workerData } from 'node:worker_threads';
import { SqliteWalCheckpoints, type FromWalCheckpoints, type WalCheckpointsWorkerData } from './wal-checkpoints';

/**
 * A thread that checkpoints a WAL every so often until told to stop (WAL_CHECKPOINTS_WORKER). It loads
 * SQLite alone: the embedded system's WalCheckpointsThread starts it beside the server.
 */
const { file, everyMs } = workerData as WalCheckpointsWorkerData;
const send = (message: FromWalCheckpoints) => parentPort?.postMessage(message);
const checkpoints = SqliteWalCheckpoints.open(file);
let lastFailure: string | undefined;
const timer = setInterval(() => {
  try {
    const { checkpointed } = checkpoints.checkpoint();
    lastFailure = undefined;
    if (checkpointed > 0) send({ kind: 'checkpointed', frames: checkpointed });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Told once until a checkpoint succeeds again.
    if (message !== lastFailure) send({ kind: 'failed', message });
    lastFailure = message;
  }
}, everyMs);
parentPort?.once('message', () => {
  clearInterval(timer);
  checkpoints.close();
  parentPort?.close();
});
