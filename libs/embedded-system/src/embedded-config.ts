import { DEFAULT_BODY_LIMITS, DEFAULT_REQUEST_TIMEOUT_SECONDS, DEFAULT_TOKEN_POLICY, LOG_LEVELS } from '@spiral/http';
import { wholeNumberOf } from '@spiral/event-catalogue';
import { jobLimitsFrom, JobLimitsError, type JobLimits } from '@spiral/jobs';
import { resolve } from 'node:path';

/** Everything the embedded system reads from its environment, checked once at start. */
export interface EmbeddedConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly jwtSecret: string;
  readonly maxBodyBytes: number;
  /** Longest a client may take to send a whole request before 408 (SPIRAL_REQUEST_TIMEOUT_SECONDS). */
  readonly requestTimeoutSeconds: number;
  /** Most fields and list items one body may hold (SPIRAL_MAX_BODY_PROPERTIES). */
  readonly maxBodyProperties: number;
  /** Most problems one 400 lists (SPIRAL_MAX_PROBLEMS). */
  readonly maxProblems: number;
  /** Longest token lifetime accepted (SPIRAL_TOKEN_MAX_LIFETIME_SECONDS). */
  readonly tokenMaxLifetimeSeconds: number;
  readonly logLevel: string;
  /** SPIRAL_JOBS_RUNNING, SPIRAL_JOBS_QUEUED, SPIRAL_JOBS_PER_USER. */
  readonly jobs: JobLimits;
}

/** For development only: `npm start` and `spiral token` agree on it when SPIRAL_JWT_SECRET is unset. */
export const DEVELOPMENT_JWT_SECRET = 'spiral-development-secret-change-me';

export class ConfigError extends Error {}

export function embeddedConfigFrom(env: NodeJS.ProcessEnv): EmbeddedConfig {
  return {
    port: wholeNumber(env, 'PORT', 3000, 0, 65535),
    // Loopback by default: exposing the API is a decision (HOST=0.0.0.0 in a container).
    host: env['HOST'] ?? '127.0.0.1',
    dataDir: resolve(env['SPIRAL_DATA_DIR'] ?? './data'),
    jwtSecret: jwtSecret(env),
    maxBodyBytes: wholeNumber(env, 'SPIRAL_MAX_BODY_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    requestTimeoutSeconds: wholeNumber(env, 'SPIRAL_REQUEST_TIMEOUT_SECONDS', DEFAULT_REQUEST_TIMEOUT_SECONDS, 1, 600),
    maxBodyProperties: wholeNumber(env, 'SPIRAL_MAX_BODY_PROPERTIES', DEFAULT_BODY_LIMITS.maxProperties, 100, 1_000_000),
    maxProblems: wholeNumber(env, 'SPIRAL_MAX_PROBLEMS', DEFAULT_BODY_LIMITS.maxProblems, 1, 10_000),
    tokenMaxLifetimeSeconds: wholeNumber(env, 'SPIRAL_TOKEN_MAX_LIFETIME_SECONDS', DEFAULT_TOKEN_POLICY.maxLifetimeSeconds, 60, 366 * 24 * 3600),
    logLevel: logLevel(env),
    jobs: jobLimits(env),
  };
}

function jobLimits(env: NodeJS.ProcessEnv): JobLimits {
  try {
    return jobLimitsFrom(env);
  } catch (error) {
    throw error instanceof JobLimitsError ? new ConfigError(error.message) : error;
  }
}

function logLevel(env: NodeJS.ProcessEnv): string {
  const level = env['LOG_LEVEL'] || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${level}"`);
  return level;
}

function jwtSecret(env: NodeJS.ProcessEnv): string {
  const secret = env['SPIRAL_JWT_SECRET'] ?? DEVELOPMENT_JWT_SECRET;
  if (secret.length < 16) throw new ConfigError('SPIRAL_JWT_SECRET must be at least 16 characters long');
  return secret;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = wholeNumberOf(raw);
  if (value === undefined || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}
