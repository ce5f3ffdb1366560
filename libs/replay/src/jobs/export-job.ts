import type { JobProgress } from '@spiral/jobs';
import type { Projection } from '@spiral/projections';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openSqliteCopy } from '../isolated-copies';
import { selectProjections } from '../replay-views';
import { exportViews, type ExportFormat, type ExportHeader } from '../view-export';

export const EXPORT_JOB = 'replay-export';

/** What an export job is asked: a finished replay's copy, its view, the format, and the export's header. */
export interface ExportJobInput {
  readonly copyFile: string;
  readonly view: string;
  readonly format: ExportFormat;
  readonly header: ExportHeader;
}

/** Where a replay's export in a format is kept: beside its copy, so it goes when the copy is discarded. */
export function exportFileOf(copyFile: string, format: ExportFormat): string {
  return join(dirname(copyFile), `export.${format}`);
}

/**
 * A replay's export as its worker thread writes it: the replayed views read from the copy and
 * written to the export's file (under a temporary name, renamed once whole, so a file that exists is
 * complete); the server then streams the file. Progress: collections read of those exported.
 */
export async function runExportJob(all: readonly Projection[], input: ExportJobInput, progress: JobProgress): Promise<string> {
  const file = exportFileOf(input.copyFile, input.format);
  const partial = `${file}.partial`;
  const copy = await openSqliteCopy(input.copyFile);
  try {
    await pipeline(Readable.from(exportViews(copy.views, selectProjections(all, input.view), input.format, input.header, progress)), createWriteStream(partial));
  } finally {
    await copy.close();
  }
  await rename(partial, file);
  return file;
}
