import type { JobLimits, JobsOptions } from '@spiral/jobs';
import { extname, join } from 'node:path';

/** What the embedded worker opens its engines from: the data folder. */
export interface EmbeddedJobsConfig {
  readonly dataDir: string;
}

/** The embedded system's jobs: run by embedded-jobs.worker (beside this file, .js when built, .ts under jest). */
export function embeddedJobs(dataDir: string, limits: JobLimits): JobsOptions {
  const config: EmbeddedJobsConfig = { dataDir };
  return { limits, worker: { entry: join(__dirname, `embedded-jobs.worker${extname(__filename)}`), config } };
}
