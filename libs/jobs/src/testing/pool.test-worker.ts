import { threadId } from 'node:worker_threads';
import { serveJob } from '../serve-job';

// The worker entry of worker-jobs.int.spec.ts: jobs that tell which thread ran them, report
// progress, fail, never end, or bring their thread down.

serveJob<{ readonly greeting: string }>({
  thread: (_input: unknown, config) => Promise.resolve({ threadId, greeting: config.greeting }),
  counted: async (input: { readonly steps: number }, _config, progress) => {
    for (let step = 1; step <= input.steps; step++) progress(step, input.steps);
    return Promise.resolve(input.steps);
  },
  refused: () => Promise.reject(new Error('no such store')),
  crash: () =>
    new Promise(() => {
      setImmediate(() => {
        throw new Error('the worker broke');
      });
    }),
  exit: () => new Promise(() => process.exit(3)),
  hang: () => new Promise(() => undefined),
});
