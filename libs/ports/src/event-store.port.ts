import type { EventEnvelope, PendingEvent, StoredChainLink } from '@spiral/event-catalogue';
import type { Observable } from 'rxjs';

/** The revision a writer expects the stream to be at: a revision number, no stream yet, or any. */
export type ExpectedRevision = number | 'no_stream' | 'any';

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the last event appended (or found, on an idempotent retry). */
  readonly revision: number;
  /** Global position of the last event appended (or found, on an idempotent retry). */
  readonly globalPosition: number;
  readonly events: readonly EventEnvelope[];
  /** True when every event id was stored already: a retry, and nothing new was written. */
  readonly duplicate: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events after this global position. 0 reads from the start. */
  readonly after?: number;
  /** Inclusive upper bound, for replays "as of" a position. */
  readonly upTo?: number;
  /** How many events one page holds; readers stream pages to keep memory bounded. */
  readonly pageSize?: number;
  /**
   * Events exactly as stored, older schema versions included, for auditors recomputing hashes
   * (the hash covers the stored form). Every other reader leaves this off and gets each event
   * upcast to its current version.
   */
  readonly asStored?: boolean;
  /**
   * Only events of these types, filtered by the engine, so a scan for a few kinds of fact (an
   * auditor's field tests and adoptions of a practice) does not decode the rest of the store.
   */
  readonly types?: readonly string[];
}

/**
 * Where events live. Every engine behind this port passes the same contract suite
 * (`@spiral/ports/testing`): optimistic concurrency by expected revision, idempotent event ids,
 * a gap-free order per stream, a global order in commit order, and a hash chain per stream.
 */
export interface EventStore {
  /**
   * Appends a batch of at least one event atomically: all of it or nothing. Throws
   * WrongExpectedRevision when the stream is elsewhere. When every event id of the batch is stored
   * already in this stream, returns the stored events (in stream order) with `duplicate: true` and
   * writes nothing, whatever the expected revision; when only some are, throws
   * PartialDuplicateAppend; when one is stored in another stream, throws EventIdInUse.
   */
  append(streamId: string, events: readonly PendingEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events in revision order, upcast to their current versions; empty when it does not exist. */
  readStream(streamId: string): Promise<EventEnvelope[]>;
  /** Every event in global order, page by page, upcast unless `asStored`. */
  readAll(options?: ReadAllOptions): AsyncIterable<EventEnvelope>;
  /**
   * For verification, by engines that keep each event's JSON text: a page of events after a global
   * position, in global order, each with its place in its chain and the text its hash covers as
   * the engine assembles it from what it stores (StoredChainLink). Verify reads readAll({ asStored:
   * true }) from engines without it, and where the text does not match.
   */
  readStoredLinks?(after: number, limit: number): Promise<StoredChainLink[]>;
  /** The global position of the newest event, 0 for an empty store. */
  headPosition(): Promise<number>;
  /**
   * Events after a checkpoint, then live ones as they are appended, in global order, each once.
   * Completes when the store closes.
   */
  subscribeToAll(after: number): Observable<EventEnvelope>;
  /** Whether the engine answers, for /health. */
  health(): Promise<EngineHealth>;
  close(): Promise<void>;
}

export interface EngineHealth {
  readonly engine: string;
  readonly ok: boolean;
  readonly detail?: string;
}
