import { Client } from 'pg';
import { type Observable, Subject, merge, interval, map, takeUntil } from 'rxjs';

/** How often subscribers look again without a NOTIFY (after a lost listener connection, say). */
const POLL_MS = 1_000;

/**
 * Wakes subscriptions when any process commits an append: one LISTEN connection per store, opened
 * with the first subscription. A NOTIFY is delivered only after its transaction commits, so a read
 * it triggers sees that commit. A slow poll stands behind it: should the listener's connection
 * drop, subscribers fall behind by at most a second instead of stalling, while it reconnects.
 */
export class PostgresNotifications {
  private readonly notified = new Subject<void>();
  private readonly closing = new Subject<void>();
  private listener: Client | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
  ) {}

  /** Ticks on every NOTIFY and every poll; completes when closed. */
  ticks(): Observable<void> {
    if (this.listener === undefined && !this.closed) void this.listen();
    return merge(this.notified, interval(POLL_MS).pipe(map(() => undefined))).pipe(takeUntil(this.closing));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.closing.next();
    this.closing.complete();
    this.notified.complete();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    this.listener = client;
    client.on('notification', () => this.notified.next());
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(failed: Client): void {
    if (this.closed || this.listener !== failed) return;
    this.listener = undefined;
    void failed.end().catch(() => undefined);
    setTimeout(() => {
      if (!this.closed && this.listener === undefined) void this.listen();
    }, POLL_MS).unref();
  }
}
