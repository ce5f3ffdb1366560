import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Compiles TypeScript as it loads (swc, the repo's .swcrc and paths), as jest does for the suites. */
const REGISTER_TYPESCRIPT = join(__dirname, '..', '..', '..', 'tools', 'register-typescript.js');

/**
 * The young generation of our worker threads, in MB (V8 gives a thread about 16). They fold events:
 * each event allocates short-lived objects (the parsed event, a fold's intermediate copies) while
 * the documents a history holds stay, and in a small young generation a page's garbage is collected
 * so often that much of it is promoted, then collected again in the old generation. A whole
 * rebuild's CPU (user + system, two threads, machine shared, one run each): the default seed 10.2 s
 * at the default against 8.5-9.1 s at 64; the xlarge seed 155 s against 113 s at 64 and 109 s at
 * 128, whose peak RSS (935 MiB against 841 at 64 and 820 at the default) nears the rebuild's 1 GiB.
 */
export const WORKER_YOUNG_GENERATION_MB = 64;

/**
 * Starts a worker thread on a module of this code base (the job workers, the rebuild's threads and
 * the embedded system's live views), with a young generation of WORKER_YOUNG_GENERATION_MB unless
 * `given` sets one. Built (dist/), the module is JavaScript and runs as it is; run from the sources
 * (jest runs the e2e suites on the TypeScript, and a worker thread does not inherit jest's
 * transform), the thread compiles each file as it loads it, so a test exercises the real worker thread.
 */
export function startWorker(moduleFile: string, given: WorkerOptions): Worker {
  const options = { ...given, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...given.resourceLimits } };
  if (!moduleFile.endsWith('.ts')) return new Worker(moduleFile, options);
  const load = `require(${JSON.stringify(REGISTER_TYPESCRIPT)}); require(${JSON.stringify(moduleFile)});`;
  return new Worker(load, { ...options, eval: true });
}
