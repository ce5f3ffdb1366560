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
 * page bounds the events held, not how often documents are read or written. Pages of 25,000 events
 * outlived the young generation, so every event was promoted before it was applied. Back to back on
 * the large seed (rebuild, two threads, two pairs) 1,000 peaked at 544-555 MiB against 708-724 MiB
 * at the same rate; an evaluation's GC took 0.54-0.91 s instead of 0.79-1.42 s (three runs each),
 * 400 and 2,500 measuring as 1,000.
 */
export const HISTORY_PAGE_SIZE = 1_000;

/** Runners fed from one read of a history, with the events they take of it (all, without `include`). */
export interface HistoryReader {
  readonly runners: readonly ProjectionRunner[];
  readonly include?: (event: EventEnvelope) => boolean;
}

/**
 * Reads the store once in global order, page by page, and applies each page to every runner in a
 * session of its own that holds its documents for the whole history; each runner commits its
 * changed documents with its checkpoint when its session holds many, and at the end. Rebuilds and
 * replays share it; the runners' views are wherever their view store is, the live one for a
 * rebuild, an isolated copy for a replay.
 */
export async function applyHistory(store: EventStore, runners: readonly ProjectionRunner[], options: HistoryOptions): Promise<HistoryFigures> {
  const [figures] = await applyHistoryTo(store, [{ runners, ...(options.include === undefined ? {} : { include: options.include }) }], options);
  return figures as HistoryFigures;
}

/**
 * One read of the history for several readers, each taking its own events of every page (an
 * evaluation's moments: each moment's views are built from the events as of it), so comparing
 * moments costs one read of the store, not one per moment. Figures per reader, in their order.
 */
export async function applyHistoryTo(store: EventStore, readers: readonly HistoryReader[], options: Omit<HistoryOptions, 'include'>): Promise<HistoryFigures[]> {
  const pageSize = options.pageSize ?? HISTORY_PAGE_SIZE;
  const applying = readers.map(({ runners, include }) => ({ include, applied: 0, runners: runners.map((runner) => ({ runner, history: runner.historySession() })) }));
  let read = 0;
  let page: EventEnvelope[] = [];
  const flush = async () => {
    for (const reader of applying) {
      const events = reader.include === undefined ? page : page.filter(reader.include);
      if (events.length > 0) for (const { runner, history } of reader.runners) await runner.apply(events, { history });
      reader.applied += events.length;
    }
    page = [];
    options.progress?.(read, options.upTo);
  };
  for await (const event of store.readAll({ upTo: options.upTo, pageSize })) {
    read += 1;
    page.push(event);
    if (page.length === pageSize) await flush();
  }
  await flush();
  for (const reader of applying) for (const { runner, history } of reader.runners) await runner.commitHistory(history);
  return applying.map((reader) => ({ read, applied: reader.applied }));
}
