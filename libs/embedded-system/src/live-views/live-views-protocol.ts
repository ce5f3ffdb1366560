import type { CommandEnvelope, CommandResult } from '@spiral/command-handling';
import type { SpiralCommand } from '@spiral/local';

/**
 * The messages between the embedded server's thread (the writer, the readers) and its live views'
 * worker thread (the projection runners and the gains process manager), one kind per purpose.
 */

/** What the worker is started with. */
export interface LiveViewsWorkerData {
  readonly dataDir: string;
  /** Shared with the server's thread: whether an 'appended' is on its way, and up to where the store is durable (see AppendSignal). */
  readonly appendSignal: SharedArrayBuffer;
}

export type LogLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/** Sent by the worker. Requests carry an id the server's reply repeats. */
export type FromLiveViews =
  /** Every runner started (after its blue/green preparation), and the gains process manager too. */
  | { readonly kind: 'ready'; readonly groups: readonly string[] }
  /** A line for the server's log, which the worker does not own. */
  | { readonly kind: 'log'; readonly level: LogLevel; readonly context: string; readonly message: unknown }
  /** Blue/green: send readers of a generation still catching up to the one serving (`servingVersion`), or back. */
  | { readonly kind: 'route'; readonly id: number; readonly projection: string; readonly servingVersion: number }
  | { readonly kind: 'unroute'; readonly id: number; readonly projection: string }
  /** A gain to record through the server's write path (the one writer of the event store). */
  | { readonly kind: 'command'; readonly id: number; readonly spiralId: string; readonly envelope: CommandEnvelope<SpiralCommand> };

/** How a command sent by the worker ended: a domain refusal is told apart, as the manager skips those. */
export type CommandOutcome =
  | { readonly ok: true; readonly result: CommandResult }
  | { readonly ok: false; readonly domain: boolean; readonly code: string; readonly message: string };

/** Sent by the server. */
export type ToLiveViews =
  /** The server made appends durable: the worker's subscriptions read up to the head (at most one on its way, see AppendSignal). */
  | { readonly kind: 'appended' }
  | { readonly kind: 'reply'; readonly id: number; readonly outcome?: CommandOutcome }
  /** Stop after the batches in flight, close the connections, and exit. */
  | { readonly kind: 'stop' };

/**
 * One 'appended' on its way at a time: a message per commit cost the server's thread 2.5 % of its
 * CPU at saturation (profiled), while the worker reads everything committed when it takes one.
 * The server posts only when it raises the flag; the worker lowers it before it reads, so a commit
 * after that read raises it again and is told, and none is missed. Beside the flag, the highest
 * global position the server has made durable: the worker reads up to there and no further
 * (SqliteEventStore's durable head), and it is written before the flag is raised, so the worker,
 * reading it after lowering the flag, sees at least the head of the commit that raised it.
 */
export class AppendSignal {
  private readonly flag: Int32Array;
  private readonly head: BigInt64Array;

  constructor(readonly shared: SharedArrayBuffer = new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT)) {
    this.flag = new Int32Array(shared, 0, 1);
    this.head = new BigInt64Array(shared, BigInt64Array.BYTES_PER_ELEMENT, 1);
  }

  /** The server's side, after each durable group: true when the worker must be told (no 'appended' is on its way). */
  raise(durableHead: number): boolean {
    Atomics.store(this.head, 0, BigInt(durableHead));
    return Atomics.exchange(this.flag, 0, 1) === 0;
  }

  /** The worker's side, before it reads: up to where it may read. */
  lower(): number {
    Atomics.store(this.flag, 0, 0);
    return Number(Atomics.load(this.head, 0));
  }
}
