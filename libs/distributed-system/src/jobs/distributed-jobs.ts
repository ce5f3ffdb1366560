import type { JobLimits, JobsOptions } from '@spiral/jobs';
import { extname, join } from 'node:path';
import type { MongoConfig } from '../app-config';

/**
 * What a level service's job worker opens its engines from: the views (the reads thread) and, for
 * the national service's verify, the event store. Only these: the worker is given no secret.
 */
export interface DistributedJobsConfig {
  readonly mongo: MongoConfig;
  readonly eventStoreUrl?: string;
}

/** A level service's jobs and heavy reads: run by distributed-jobs.worker (beside this file). */
export function distributedJobs(config: DistributedJobsConfig, limits: JobLimits): JobsOptions {
  const worker: DistributedJobsConfig = { mongo: config.mongo, ...(config.eventStoreUrl === undefined ? {} : { eventStoreUrl: config.eventStoreUrl }) };
  return { limits, worker: { entry: join(__dirname, `distributed-jobs.worker${extname(__filename)}`), config: worker } };
}
