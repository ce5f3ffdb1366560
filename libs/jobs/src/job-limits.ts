import { wholeNumberOf } from '@spiral/event-catalogue';

/** How much long work (replays, evaluations, verify) a process takes on at once and waiting. */
export interface JobLimits {
  /** Jobs running at the same time, each in a worker thread of its own. */
  readonly running: number;
  /** Jobs accepted in all, running or waiting; one more is refused with 429. */
  readonly queued: number;
  /** Jobs accepted for one user (the token's subject), running or waiting. */
  readonly perUser: number;
}

export class JobLimitsError extends Error {}

/**
 * From SPIRAL_JOBS_RUNNING (default 1: a job reads the whole history; two at once halve each
 * other's speed on a 2-core machine), SPIRAL_JOBS_QUEUED (default 8) and SPIRAL_JOBS_PER_USER
 * (default 2).
 */
export function jobLimitsFrom(env: NodeJS.ProcessEnv): JobLimits {
  const limits = {
    running: positive(env, 'SPIRAL_JOBS_RUNNING', 1),
    queued: positive(env, 'SPIRAL_JOBS_QUEUED', 8),
    perUser: positive(env, 'SPIRAL_JOBS_PER_USER', 2),
  };
  if (limits.perUser > limits.queued) throw new JobLimitsError(`SPIRAL_JOBS_PER_USER (${limits.perUser}) cannot exceed SPIRAL_JOBS_QUEUED (${limits.queued})`);
  return limits;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = wholeNumberOf(raw);
  if (value === undefined || value < 1 || value > 1000) throw new JobLimitsError(`${name} must be a whole number from 1 to 1000, not "${raw}"`);
  return value;
}
