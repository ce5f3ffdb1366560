import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistorySize } from './bench-plan';
import { CLI_MAIN, runMeasured } from './child-run';

export interface SeededHistory {
  readonly size: HistorySize;
  readonly dataDir: string;
  readonly events: number;
  readonly seedSeconds: number;
  readonly seedPeakRssBytes: number;
}

const STORED = /([\d,]+) events stored in ([\d.]+) s/;

/**
 * A seeded data folder per size under `cacheDir`, made once by `spiral seed` (its time and peak
 * RSS recorded beside it) and reused by later runs, since a large seed takes long.
 */
export async function seededHistory(cacheDir: string, size: HistorySize, onProgress: (line: string) => void): Promise<SeededHistory> {
  const dataDir = join(cacheDir, `seed-${size}`);
  const record = join(cacheDir, `seed-${size}.json`);
  // The folder is the one beside the record, wherever the cache has been copied or moved to.
  if (existsSync(record)) return { ...(JSON.parse(readFileSync(record, 'utf8')) as SeededHistory), dataDir };
  const run = await runMeasured(CLI_MAIN, ['seed', '--size', size, '--data-dir', dataDir], onProgress);
  const stored = STORED.exec(run.stdout);
  if (stored === null) throw new Error(`spiral seed did not report what it stored: ${run.stdout.slice(-500)}`);
  const history: SeededHistory = {
    size,
    dataDir,
    events: Number((stored[1] ?? '0').replace(/,/g, '')),
    seedSeconds: Number(stored[2]),
    seedPeakRssBytes: run.peakRssBytes,
  };
  writeFileSync(record, JSON.stringify(history));
  return history;
}
