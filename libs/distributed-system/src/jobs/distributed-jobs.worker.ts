import 'reflect-metadata';
import { runVerification, VERIFY_JOB } from '@spiral/audit';
import { serveJob } from '@spiral/jobs';
import type { ServiceConfig } from '../app-config';
import { serviceEngines } from '../engines';

// A level service's job worker thread, kept for job after job: each verify job on a client of its
// own to the event store, opened from the service's own configuration. (Replays and evaluations are served embedded only.)

serveJob<ServiceConfig>({
  [VERIFY_JOB]: async (_input: unknown, config, progress) => {
    const store = await serviceEngines(config).eventStore();
    try {
      return await runVerification(store, progress);
    } finally {
      await store.close();
    }
  },
});
