import 'reflect-metadata';
import { SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { runVerification, VERIFY_JOB } from '@spiral/audit';
import { openOnce, serveJob, type JobHandler } from '@spiral/jobs';
import { nationalReadHandlers } from '@spiral/national';
import type { EventStore } from '@spiral/ports';
import { regionalReadHandlers } from '@spiral/regional';
import { evaluate, EVALUATION_JOB, EXPORT_JOB, inMemoryCopies, REPLAY_JOB, runExportJob, runReplayJob, type EvaluationJobInput, type ExportJobInput, type ReplayJobInput } from '@spiral/replay';
import { EMBEDDED_PROJECTIONS } from '../embedded-projections';
import { REBUILD_JOB } from '../rebuild/rebuild-job';
import { rebuildViewsInThreads } from '../rebuild/rebuild-views-thread';
import type { EmbeddedJobsConfig } from './embedded-jobs';

// The embedded system's job worker thread, kept for job after job: each job on a connection of its
// own to the data folder's event store (SQLite in WAL mode lets it read beside the server's writes).

async function withStore<R>(config: EmbeddedJobsConfig, work: (store: EventStore) => Promise<R>): Promise<R> {
  const store = await SqliteEventStore.open(config.dataDir);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

// The reads thread (ThreadReads) keeps one connection to the views for all of its reads, a second
// SQLite connection under WAL beside the live views' writes.
const viewsOf = openOnce((config: EmbeddedJobsConfig) => SqliteViewStore.open(config.dataDir));

const handlers: Record<string, JobHandler<EmbeddedJobsConfig>> = {
  ...nationalReadHandlers(viewsOf),
  ...regionalReadHandlers(viewsOf),
  [REPLAY_JOB]: (input: ReplayJobInput, config, progress) => withStore(config, (store) => runReplayJob(store, EMBEDDED_PROJECTIONS, input, progress)),
  [EVALUATION_JOB]: (input: EvaluationJobInput, config, progress) => withStore(config, (store) => evaluate(store, inMemoryCopies(), input.request, input.now, progress)),
  [EXPORT_JOB]: (input: ExportJobInput, _config, progress) => runExportJob(EMBEDDED_PROJECTIONS, input, progress),
  // One thread of its own, under the CLI's heap cap: the other core answers requests meanwhile.
  [REBUILD_JOB]: (_input: unknown, config, progress) => rebuildViewsInThreads(config.dataDir, progress, { threads: 1 }),
  [VERIFY_JOB]: (_input: unknown, config, progress) => withStore(config, (store) => runVerification(store, progress)),
};

serveJob(handlers);
