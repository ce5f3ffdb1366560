import { BACKWARDS, END, KurrentDBClient, type AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { upcastEvent, type EventEnvelope, type PendingEvent } from '@spiral/event-catalogue';
import {
  systemClock,
  type AppendResult,
  type Clock,
  type EngineHealth,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
} from '@spiral/ports';
import { Subject, type Observable } from 'rxjs';
import { appendWithChain, type AppendContext } from './kurrentdb-append';
import { EventIdGuard } from './kurrentdb-event-id-guard';
import { eventTypesFilter, headPositionOf, positioned, readPositionAfter, readStreamFrom, spiralEventsFilter } from './kurrentdb-reads';
import { resubscribingFeed } from './resubscribing-feed';

export interface KurrentDbEventStoreOptions {
  /** Stamps recordedAt; fixed in tests and replays. */
  readonly clock?: Clock;
  /** Events per page for readAll when the caller gives none. */
  readonly pageSize?: number;
  /** How often an append with 'any' re-reads and retries when other writers move the stream (default 50). */
  readonly maxAppendAttempts?: number;
  /** Told of every dropped $all subscription before it is reopened. */
  readonly onResubscribe?: (error: Error, delayMs: number) => void;
}

const DEFAULT_PAGE_SIZE = 500;

/**
 * The EventStore port on KurrentDB (EventStoreDB), through the official gRPC client. Streams are
 * KurrentDB streams; the envelope rides in each event's metadata; the hash chain is computed
 * here and kept race-safe by appending with the exact head revision it was chained to; global
 * positions are KurrentDB commit positions (byte offsets: increasing, not contiguous). What it
 * can and cannot guarantee beyond the engine's own checks is in the README of this library.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly closing = new Subject<void>();
  private readonly context: AppendContext;
  private readonly pageSize: number;
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly options: KurrentDbEventStoreOptions,
  ) {
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.context = {
      client,
      guard: new EventIdGuard(client),
      clock: options.clock ?? systemClock,
      maxAttempts: options.maxAppendAttempts ?? 50,
    };
  }

  /** Connects with a connection string, e.g. `kurrentdb://localhost:2113?tls=false`; the client connects lazily. */
  static connect(connectionString: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options);
  }

  append(streamId: string, events: readonly PendingEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    return appendWithChain(this.context, streamId, events, expected);
  }

  readStream(streamId: string): Promise<EventEnvelope[]> {
    this.assertOpen();
    return readStreamFrom(this.client, streamId).then((events) => events.map(upcastEvent));
  }

  /**
   * Page by page from `after`. A page ends the read only when it brings nothing new: a filtered
   * read may return short pages before the end of $all.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<EventEnvelope> {
    this.assertOpen();
    const pageSize = options.pageSize ?? this.pageSize;
    const upTo = options.upTo ?? Number.MAX_SAFE_INTEGER;
    let cursor = options.after ?? 0;
    for (;;) {
      let advanced = false;
      const filter = options.types ? eventTypesFilter(options.types) : spiralEventsFilter();
      const page = this.client.readAll({ fromPosition: readPositionAfter(cursor), maxCount: pageSize + 1, filter });
      for await (const resolved of page) {
        const { position, envelope } = positioned(resolved);
        // The start position is inclusive on the server; the port's `after` is exclusive.
        if (position <= cursor) continue;
        if (position > upTo) return;
        cursor = position;
        advanced = true;
        // Upcast for every reader but auditors, who check hashes over the stored form.
        if (envelope !== undefined) yield options.asStored === true ? envelope : upcastEvent(envelope);
      }
      if (!advanced) return;
    }
  }

  headPosition(): Promise<number> {
    this.assertOpen();
    return headPositionOf(this.client);
  }

  subscribeToAll(after: number): Observable<EventEnvelope> {
    return resubscribingFeed(after, {
      open: (from) => this.client.subscribeToAll({ fromPosition: readPositionAfter(from), filter: spiralEventsFilter() }),
      read: (resolved: AllStreamResolvedEvent) => {
        const { position, envelope } = positioned(resolved);
        return { position, envelope: envelope === undefined ? undefined : upcastEvent(envelope) };
      },
      closing: this.closing,
      ...(this.options.onResubscribe ? { onRetry: this.options.onResubscribe } : {}),
    });
  }

  async health(): Promise<EngineHealth> {
    if (this.closed) return { engine: 'kurrentdb', ok: false, detail: 'closed' };
    try {
      // The cheapest read that needs the server: the last record of $all.
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: 2_000 })) {
        return { engine: 'kurrentdb', ok: true, detail: `head commit position ${resolved.event?.position.commit ?? 'unknown'}` };
      }
      return { engine: 'kurrentdb', ok: true, detail: 'empty' };
    } catch (error) {
      return { engine: 'kurrentdb', ok: false, detail: (error as Error).message };
    }
  }

  /** Completes every subscription, then lets go of the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.next();
    this.closing.complete();
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the KurrentDB event store is closed');
  }
}
