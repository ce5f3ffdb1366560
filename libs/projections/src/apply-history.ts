import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore } from '@spiral/ports';
import type { ProjectionRunner } from './projection-runner';

export interface HistoryOptions {
  /** Inclusive upper bound on the global position: the head when the run began, or an as-of position. */
  readonly upTo: number;
  /** Events applied per batch, and read per page (default HISTORY_PAGE_SIZE): memory stays bounded by it on any history. */
  readonly pageSize?: number;
  /** Which events to apply; the others are read and skipped (a replay as of a moment). */
  readonly include?: (event: EventEnvelope) => boolean;
  /** Called after every batch with the events read so far, of `upTo`. */
  readonly progress?: (read: number, upTo: number) => void;
}

export interface HistoryFigures {
  /** Events read from the store, up to `upTo`. */
  readonly read: number;
  /** Of those, the events handed to the runners. */
  readonly applied: number;
}

/**
 * Events per page when a whole history is applied: what is read from the store and handed to the
 * runners at once. The views' documents stay in memory across pages (HistoryViewSession), so the
 * page bounds the events held, not how often documents are read or written (docs/benchmarks.md).
 */
export const HISTORY_PAGE_SIZE = 25_000;

/**
 * Reads the store once in global order, page by page, and applies each page to every runner in a
 * session of its own that holds its documents for the whole history; each runner commits its
 * changed documents with its checkpoint when its session holds many, and at the end. Rebuilds and
 * replays share it; the runners' views are wherever their view store is, the live one for a
 * rebuild, an isolated copy for a replay.
 */
export async function applyHistory(store: EventStore, runners: readonly ProjectionRunner[], options: HistoryOptions): Promise<HistoryFigures> {
  const pageSize = options.pageSize ?? HISTORY_PAGE_SIZE;
  const include = options.include ?? (() => true);
  let read = 0;
  let applied = 0;
  let batch: EventEnvelope[] = [];
  const applying = runners.map((runner) => ({ runner, history: runner.historySession() }));
  const flush = async () => {
    if (batch.length > 0) for (const { runner, history } of applying) await runner.apply(batch, { history });
    applied += batch.length;
    batch = [];
    options.progress?.(read, options.upTo);
  };
  for await (const event of store.readAll({ upTo: options.upTo, pageSize })) {
    read += 1;
    if (include(event)) batch.push(event);
    if (batch.length === pageSize || read % pageSize === 0) await flush();
  }
  await flush();
  for (const { runner, history } of applying) await runner.commitHistory(history);
  return { read, applied };
}
