/** What one steady-rate run measured. */
export interface OpenLoopRun {
  readonly commands: number;
  readonly sentPerSecond: number;
  readonly answeredPerSecond: number;
  /** Latency of each successful command, milliseconds, sorted. */
  readonly latencies: readonly number[];
  readonly errors: readonly string[];
}

/** One command: resolves with an error text when it failed, undefined when it succeeded. */
export type Command = (index: number) => Promise<string | undefined>;

/**
 * Sends `rate` commands a second for `seconds`, open loop: each leaves on schedule whether or not
 * earlier ones were answered, so a slow server shows as latency rather than as a lower rate (no
 * coordinated omission). Resolves when every command has been answered.
 */
export async function runOpenLoop(rate: number, seconds: number, command: Command): Promise<OpenLoopRun> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const errors: string[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const sendOne = async (index: number) => {
    const sentAt = performance.now();
    try {
      const error = await command(index);
      if (error === undefined) latencies.push(performance.now() - sentAt);
      else errors.push(error);
    } catch (error) {
      errors.push((error as Error).message);
    }
  };
  await new Promise<void>((resolve) => {
    let sent = 0;
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      while (sent < due) inFlight.push(sendOne(sent++));
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  const sendingSeconds = (performance.now() - started) / 1000;
  await Promise.all(inFlight);
  const answeredSeconds = (performance.now() - started) / 1000;
  return { commands: total, sentPerSecond: total / sendingSeconds, answeredPerSecond: total / answeredSeconds, latencies: latencies.sort((a, b) => a - b), errors };
}

export const percentile = (sorted: readonly number[], share: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? NaN;
