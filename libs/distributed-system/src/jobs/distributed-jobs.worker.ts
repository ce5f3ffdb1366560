import 'reflect-metadata';
import { runVerification, VERIFY_JOB } from '@spiral/audit';
import { openOnce, serveJob } from '@spiral/jobs';
import { nationalReadHandlers } from '@spiral/national';
import { regionalReadHandlers } from '@spiral/regional';
import { jobEngines } from '../engines';
import type { DistributedJobsConfig } from './distributed-jobs';

// A level service's job worker thread, kept for job after job: each verify job on a client of its
// own to the event store. (Replays and evaluations are served embedded only.) As the reads thread
// (ThreadReads) it keeps one client to the views for all of its reads.

const viewsOf = openOnce((config: DistributedJobsConfig) => jobEngines(config).viewStore());

serveJob<DistributedJobsConfig>({
  ...nationalReadHandlers(viewsOf),
  ...regionalReadHandlers(viewsOf),
  [VERIFY_JOB]: async (_input: unknown, config, progress) => {
    const open = jobEngines(config).eventStore;
    if (open === undefined) throw new Error('this service was given no event store for its jobs (distributedJobs without eventStoreUrl), so it cannot verify');
    const store = await open();
    try {
      return await runVerification(store, progress);
    } finally {
      await store.close();
    }
  },
});
