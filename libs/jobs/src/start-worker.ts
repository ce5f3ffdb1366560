import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Compiles TypeScript as it loads (swc, the repo's .swcrc and paths), as jest does for the suites. */
const REGISTER_TYPESCRIPT = join(__dirname, '..', '..', '..', 'tools', 'register-typescript.js');

/**
 * Starts a worker thread on a module of this code base: the job workers and the embedded system's
 * live views. Built (dist/), the module is JavaScript and runs as it is; run from the sources (jest
 * runs the e2e suites on the TypeScript, and a worker thread does not inherit jest's transform),
 * the thread compiles each file as it loads it, so a test exercises the real worker thread.
 */
export function startWorker(moduleFile: string, options: WorkerOptions): Worker {
  if (!moduleFile.endsWith('.ts')) return new Worker(moduleFile, options);
  const load = `require(${JSON.stringify(REGISTER_TYPESCRIPT)}); require(${JSON.stringify(moduleFile)});`;
  return new Worker(load, { ...options, eval: true });
}
