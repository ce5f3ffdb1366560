import type { JobLimits, JobsOptions } from '@spiral/jobs';
import { extname, join } from 'node:path';
import type { ServiceConfig } from '../app-config';

/** A level service's jobs: run by distributed-jobs.worker (beside this file), which opens its engines from the same configuration. */
export function distributedJobs(config: ServiceConfig, limits: JobLimits): JobsOptions {
  return { limits, worker: { entry: join(__dirname, `distributed-jobs.worker${extname(__filename)}`), config } };
}
