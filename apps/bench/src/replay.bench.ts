import { SqliteEventStore } from '@spiral/adapters-embedded';
import { CLI_MAIN, runMeasured } from './child-run';
import { evaluationOfTwoMoments } from './evaluation.bench';

export interface ReplayRun {
  readonly events: number;
  /** Events/s of `spiral rebuild-views`, as it reports them (the rebuild alone, not the start-up). */
  readonly rebuildPerSecond: number;
  readonly rebuildPeakRssBytes: number;
  /** Events/s of the same store read in global order, each event parsed (readAll), and nothing else. */
  readonly scanPerSecond: number;
  readonly ratio: number;
  /** An evaluation of two moments (evaluation.bench.ts), in seconds, and in times the scan's own seconds. */
  readonly evaluationSeconds: number;
  readonly evaluationRatio: number;
}

const REPORTED = /from (\d+) events in ([\d.]+) s: (\d+) events\/s/;

/**
 * Replay: `spiral rebuild-views` on a seeded data folder, in its own process (peak RSS is its
 * own), beside the ceiling for the same history: the store's ordered scan with JSON.parse of every
 * event, which any rebuild has to do, so the ratio is what the projections cost on top; and an
 * evaluation of two moments against the same scan (issue #14: at most 3 times it).
 */
export async function replay(dataDir: string, onProgress: (line: string) => void): Promise<ReplayRun> {
  const rebuilt = await runMeasured(CLI_MAIN, ['rebuild-views', '--data-dir', dataDir], onProgress);
  const reported = REPORTED.exec(rebuilt.stdout);
  if (reported === null) throw new Error(`rebuild-views did not report its figures: ${rebuilt.stdout}`);
  const scanPerSecond = await scanRate(dataDir);
  const rebuildPerSecond = Number(reported[3]);
  const events = Number(reported[1]);
  const evaluation = await evaluationOfTwoMoments(dataDir);
  onProgress(`evaluation as of ${evaluation.moments.join(' and ')}: ${evaluation.seconds.toFixed(1)} s`);
  const evaluationRatio = evaluation.seconds / (events / scanPerSecond);
  return { events, rebuildPerSecond, rebuildPeakRssBytes: rebuilt.peakRssBytes, scanPerSecond, ratio: rebuildPerSecond / scanPerSecond, evaluationSeconds: evaluation.seconds, evaluationRatio };
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
