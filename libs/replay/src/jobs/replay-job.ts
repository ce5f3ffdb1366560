import type { JobProgress } from '@spiral/jobs';
import type { EventStore } from '@spiral/ports';
import type { Projection } from '@spiral/projections';
import { randomUUID } from 'node:crypto';
import { parseAsOf } from '../as-of';
import { sqliteCopies } from '../isolated-copies';
import { replayViews, selectProjections, type ReplayFigures } from '../replay-views';

export const REPLAY_JOB = 'replay';

/** What a replay job is asked: the view (or all) and the moment, as the request gave them. */
export interface ReplayJobInput {
  readonly view: string;
  readonly asOf: string;
}

/** A finished replay: its figures, and the file of the isolated copy holding the replayed views. */
export interface ReplayOutcome {
  readonly figures: ReplayFigures;
  readonly copyFile: string;
}

/**
 * A replay as its worker thread runs it: into a SQLite copy of its own under the temporary folder,
 * closed when done and left for the server to export from (and discard when the job is forgotten).
 */
export async function runReplayJob(store: EventStore, all: readonly Projection[], input: ReplayJobInput, progress: JobProgress): Promise<ReplayOutcome> {
  const projections = selectProjections(all, input.view);
  const copy = await sqliteCopies()(randomUUID());
  try {
    const figures = await replayViews({ store, projections, target: copy.views, asOf: parseAsOf(input.asOf), progress });
    await copy.close();
    return { figures, copyFile: copy.location };
  } catch (error) {
    await copy.discard();
    throw error;
  }
}
