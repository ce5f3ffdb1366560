import { SqliteEventStore } from '@spiral/adapters-embedded';
import { CLI_MAIN, runMeasured } from './child-run';

export interface ReplayRun {
  readonly events: number;
  /** Events/s of `spiral rebuild-views`, as it reports them (the rebuild alone, not the start-up). */
  readonly rebuildPerSecond: number;
  readonly rebuildPeakRssBytes: number;
  /** Events/s of the same store read in global order, each event parsed (readAll), and nothing else. */
  readonly scanPerSecond: number;
  readonly ratio: number;
}

const REPORTED = /from (\d+) events in ([\d.]+) s: (\d+) events\/s/;

/**
 * Replay: `spiral rebuild-views` on a seeded data folder, in its own process (peak RSS is its
 * own), beside the ceiling for the same history: the store's ordered scan with JSON.parse of every
 * event, which any rebuild has to do, so the ratio is what the projections cost on top.
 */
export async function replay(dataDir: string, onProgress: (line: string) => void): Promise<ReplayRun> {
  const rebuilt = await runMeasured(CLI_MAIN, ['rebuild-views', '--data-dir', dataDir], onProgress);
  const reported = REPORTED.exec(rebuilt.stdout);
  if (reported === null) throw new Error(`rebuild-views did not report its figures: ${rebuilt.stdout}`);
  const scanPerSecond = await scanRate(dataDir);
  const rebuildPerSecond = Number(reported[3]);
  return { events: Number(reported[1]), rebuildPerSecond, rebuildPeakRssBytes: rebuilt.peakRssBytes, scanPerSecond, ratio: rebuildPerSecond / scanPerSecond };
}

async function scanRate(dataDir: string): Promise<number> {
  const store = await SqliteEventStore.open(dataDir);
  try {
    let events = 0;
    let checksum = 0;
    const started = performance.now();
    for await (const event of store.readAll({ pageSize: 1_000 })) {
      events += 1;
      checksum += event.streamRevision; // touches each event, so nothing is optimised away
    }
    const seconds = (performance.now() - started) / 1000;
    return checksum >= 0 ? events / seconds : 0;
  } finally {
    await store.close();
  }
}
