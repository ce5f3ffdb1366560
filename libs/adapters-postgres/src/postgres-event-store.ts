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
import { Pool } from 'pg';
import type { Observable } from 'rxjs';
import { PostgresGroupCommit } from './postgres-group-commit';
import { PostgresNotifications } from './postgres-notifications';
import { rowToEnvelope, schemaDdl, type EventRow } from './postgres-event-store.schema';
import { catchUpThenLiveAsync } from './postgres-subscription';

export interface PostgresEventStoreOptions {
  /** The schema holding the events table (created when missing); else the URL's `?schema=`, else `spiral`. */
  readonly schema?: string;
  /** Stamps recordedAt; fixed in tests. */
  readonly clock?: Clock;
  /** Events per page for readAll (default when the caller gives none) and for subscriptions. */
  readonly pageSize?: number;
  /** Connections in the pool (appends use one at a time; reads and subscriptions the rest). */
  readonly poolSize?: number;
}

const DEFAULT_PAGE_SIZE = 500;
const NO_UPPER_BOUND = Number.MAX_SAFE_INTEGER;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The networked event store on PostgreSQL: one `events` table, appends committed in groups under an
 * advisory lock so global positions become visible in order (see PostgresGroupCommit), live
 * subscriptions woken by NOTIFY from any process that appends to the same database.
 */
export class PostgresEventStore implements EventStore {
  private readonly groupCommit: PostgresGroupCommit;
  private readonly notifications: PostgresNotifications;
  private readonly pageSize: number;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    url: string,
    options: PostgresEventStoreOptions,
  ) {
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    const channel = `${schema}_events_appended`;
    this.groupCommit = new PostgresGroupCommit(pool, schema, lockKeyOf(schema), channel, options.clock ?? systemClock);
    this.notifications = new PostgresNotifications(url, channel);
  }

  /** Connects to `postgres://…[?schema=name]` and creates the schema and table when missing. */
  static async connect(urlWithSchema: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const { url, schemaInUrl } = splitSchema(urlWithSchema);
    const schema = options.schema ?? schemaInUrl ?? 'spiral';
    if (!SCHEMA_NAME.test(schema)) throw new RangeError(`schema must be a lower-case SQL name, not ${JSON.stringify(schema)}`);
    const pool = new Pool({ connectionString: url, max: options.poolSize ?? 8 });
    // Idle connections that fail (a server restart) are dropped by the pool; without a listener
    // their error would end the process.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        // Processes starting together would race on CREATE … IF NOT EXISTS (it is not atomic).
        await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${lockKeyOf(schema)}); ${schemaDdl(schema)}; COMMIT`);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, schema, url, options);
  }

  append(streamId: string, events: readonly PendingEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('the PostgreSQL event store is closed'));
    return this.groupCommit.submit(streamId, events, expected);
  }

  async readStream(streamId: string): Promise<EventEnvelope[]> {
    const { rows } = await this.pool.query<EventRow>(`SELECT * FROM ${this.schema}.events WHERE stream_id = $1 ORDER BY stream_revision`, [streamId]);
    return rows.map((row) => upcastEvent(rowToEnvelope(row)));
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<EventEnvelope> {
    const pageSize = options.pageSize ?? this.pageSize;
    const upTo = options.upTo ?? NO_UPPER_BOUND;
    let cursor = options.after ?? 0;
    for (;;) {
      const page = await this.readPage(cursor, upTo, pageSize, options);
      yield* page;
      const last = page[page.length - 1];
      if (last === undefined || page.length < pageSize) return;
      cursor = last.globalPosition;
    }
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string }>(`SELECT COALESCE(MAX(global_position), 0) AS head FROM ${this.schema}.events`);
    return Number(rows[0]?.head ?? 0);
  }

  subscribeToAll(after: number): Observable<EventEnvelope> {
    return catchUpThenLiveAsync(
      { readPage: (from, limit) => this.readPage(from, NO_UPPER_BOUND, limit), appended: this.notifications.ticks(), pageSize: this.pageSize },
      after,
    );
  }

  async health(): Promise<EngineHealth> {
    if (this.closed) return { engine: 'postgresql', ok: false, detail: 'the store is closed' };
    try {
      const { rows } = await this.pool.query<{ version: string }>('SHOW server_version');
      return { engine: 'postgresql', ok: true, detail: `PostgreSQL ${rows[0]?.version ?? '?'}, schema ${this.schema}` };
    } catch (error) {
      return { engine: 'postgresql', ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Answers every append queued so far, completes the subscriptions, then closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.groupCommit.settled();
    await this.notifications.close();
    await this.pool.end();
  }

  private async readPage(after: number, upTo: number, limit: number, options: Pick<ReadAllOptions, 'asStored' | 'types'> = {}): Promise<EventEnvelope[]> {
    const typed = options.types !== undefined;
    const { rows } = await this.pool.query<EventRow>(
      `SELECT * FROM ${this.schema}.events WHERE global_position > $1 AND global_position <= $2
       ${typed ? 'AND type = ANY($4::text[])' : ''} ORDER BY global_position LIMIT $3`,
      typed ? [after, upTo, limit, options.types] : [after, upTo, limit],
    );
    const stored = rows.map(rowToEnvelope);
    return options.asStored === true ? stored : stored.map(upcastEvent);
  }
}

/** `schema` is this adapter's parameter, not libpq's: taken out before pg reads the URL. */
function splitSchema(urlWithSchema: string): { url: string; schemaInUrl: string | undefined } {
  const parsed = new URL(urlWithSchema);
  const schemaInUrl = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), schemaInUrl };
}

/** The advisory lock key of a schema's appends: one lock per events table, stable across processes. */
export function lockKeyOf(schema: string): number {
  let hash = 0x5350;
  for (const char of schema) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}
