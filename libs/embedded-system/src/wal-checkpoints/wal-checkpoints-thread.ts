import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SqliteEventStore, WAL_CHECKPOINTS_WORKER, type FromWalCheckpoints, type WalCheckpointsWorkerData } from '@spiral/adapters-embedded';
import { startWorker } from '@spiral/jobs';
import { EVENT_STORE, type EventStore } from '@spiral/ports';
import type { Worker } from 'node:worker_threads';

/**
 * How often the thread checkpoints: at 2,000 commands/s the server writes a few thousand WAL pages a
 * second, so each checkpoint copies a few hundred, far below the writer's own bound.
 */
const CHECKPOINT_EVERY_MS = 100;
/** A stop waits this long for the checkpoint in flight, then ends the thread. */
const STOP_TIMEOUT_MS = 5_000;

/**
 * Checkpoints the embedded event store's WAL in a worker thread of its own (SqliteWalCheckpoints),
 * so the server's writer, opened with `checkpointedElsewhere`, no longer stops every request for a
 * checkpoint's two syncs. Should the thread fail or stop, nothing is lost: the writer checkpoints
 * itself past WAL_CHECKPOINT_SAFETY_PAGES, as SQLite does by default past 1,000.
 */
@Injectable()
export class WalCheckpointsThread implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WalCheckpoints');
  private worker: Worker | undefined;
  private stopping = false;
  /** Checkpoints that copied pages into the database since the server started. */
  checkpointsRun = 0;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  onApplicationBootstrap(): void {
    if (!(this.store instanceof SqliteEventStore)) throw new Error("the WAL checkpoints' thread serves the embedded SQLite event store only");
    const workerData: WalCheckpointsWorkerData = { file: this.store.file, everyMs: CHECKPOINT_EVERY_MS };
    const worker = startWorker(WAL_CHECKPOINTS_WORKER, { name: 'wal-checkpoints', workerData });
    worker.on('message', (message: FromWalCheckpoints) => {
      if (message.kind === 'checkpointed') this.checkpointsRun += 1;
      else this.logger.warn(`checkpointing the event store's WAL failed (${message.message}); the server checkpoints it itself meanwhile, past a bound`);
    });
    worker.on('error', (error) => this.logger.error(`the WAL checkpoints' thread failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (!this.stopping) this.logger.error(`the WAL checkpoints' thread stopped (exit code ${code}); the server checkpoints the WAL itself past a bound from now on (restart the server to resume)`);
    });
    this.worker = worker;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (worker === undefined) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timeout);
  }
}
