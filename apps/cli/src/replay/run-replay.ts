import { SqliteEventStore } from '@spiral/adapters-embedded';
import { EMBEDDED_PROJECTIONS } from '@spiral/embedded-system';
import { exportViews, replayViews, selectProjections, sqliteCopies, type AsOf, type ExportFormat, type ReplayFigures } from '@spiral/replay';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { withReadsReported } from './reads-reported';

export interface ReplayToFile {
  readonly dataDir: string;
  readonly view: string;
  readonly asOf: AsOf;
  readonly out: string;
  readonly format: ExportFormat;
  readonly progress: (done: number, total: number) => void;
}

/**
 * Replays into a throw-away SQLite file of its own (the data folder's views are not opened), then
 * streams the replayed views to the output file. Safe while the server runs: SQLite lets this
 * process read the event store beside the server's writes.
 */
export async function replayToFile(request: ReplayToFile): Promise<ReplayFigures> {
  const projections = selectProjections(EMBEDDED_PROJECTIONS, request.view);
  const store = await SqliteEventStore.open(request.dataDir);
  const copy = await sqliteCopies()(randomUUID());
  try {
    const reported = withReadsReported(store, request.progress);
    const figures = await replayViews({ store: reported, projections, target: copy.views, asOf: request.asOf, progress: request.progress });
    const header = { asOf: figures.asOf, replay: figures };
    await pipeline(Readable.from(exportViews(copy.views, projections, request.format, header)), createWriteStream(request.out));
    return figures;
  } finally {
    await copy.discard();
    await store.close();
  }
}
