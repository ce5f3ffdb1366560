import { summarise, type LatencySummary } from './percentiles';

export interface LoadResult extends LatencySummary {
  readonly errors: number;
}

/** One request of the load; resolves when answered, throws when refused. */
export type Shot = (index: number) => Promise<void>;

/**
 * Saturation: `connections` clients each send the next request as soon as the last is answered,
 * for `durationMs`. Throughput is what the server sustains; latency includes queueing.
 */
export async function closedLoop(connections: number, durationMs: number, shot: Shot): Promise<LoadResult> {
  const durations: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const client = async (): Promise<void> => {
    while (performance.now() - started < durationMs) {
      const before = performance.now();
      try {
        await shot(next++);
        durations.push(performance.now() - before);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, () => client()));
  return { ...summarise(durations, performance.now() - started), errors };
}

/**
 * A fixed rate: requests start on a schedule whether or not earlier ones are answered (an open
 * loop), and each latency counts from its scheduled start, so a stalled server shows in p99
 * instead of slowing the load down (no coordinated omission). With `stop`, no request is started
 * once it is aborted (a load that lasts as long as something else does).
 */
export async function openLoop(perSecond: number, durationMs: number, shot: Shot, stop?: AbortSignal): Promise<LoadResult> {
  const durations: number[] = [];
  const inFlight: Promise<void>[] = [];
  let errors = 0;
  const total = Math.floor((perSecond * durationMs) / 1000);
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    const scheduled = started + (index * 1000) / perSecond;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (stop?.aborted) break;
    inFlight.push(
      shot(index).then(
        () => void durations.push(performance.now() - scheduled),
        () => void (errors += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  return { ...summarise(durations, performance.now() - started), errors };
}
