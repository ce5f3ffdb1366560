import type { CommandEnvelope, CommandResult } from '@spiral/command-handling';
import type { SpiralCommand } from '@spiral/local';

/**
 * The messages between the embedded server's thread (the writer, the readers) and its live views'
 * worker thread (the projection runners and the gains process manager), one kind per purpose.
 */

/** What the worker is started with. */
export interface LiveViewsWorkerData {
  readonly dataDir: string;
  /** Shared with the server's thread: [0] is 1 while an 'appended' is on its way and not yet taken (see AppendSignal). */
  readonly appendSignal: Int32Array;
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
  /** The server committed appends: the worker's subscriptions read them now (at most one on its way, see AppendSignal). */
  | { readonly kind: 'appended' }
  | { readonly kind: 'reply'; readonly id: number; readonly outcome?: CommandOutcome }
  /** Stop after the batches in flight, close the connections, and exit. */
  | { readonly kind: 'stop' };

/**
 * One 'appended' on its way at a time: a message per commit cost the server's thread 2.5 % of its
 * CPU at saturation (profiled), while the worker reads everything committed when it takes one.
 * The server posts only when it raises the flag; the worker lowers it before it reads, so a commit
 * after that read raises it again and is told, and none is missed.
 */
export class AppendSignal {
  constructor(readonly flag: Int32Array = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))) {}

  /** The server's side: true when the worker must be told (no 'appended' is on its way). */
  raise(): boolean {
    return Atomics.exchange(this.flag, 0, 1) === 0;
  }

  /** The worker's side, before it reads. */
  lower(): void {
    Atomics.store(this.flag, 0, 0);
  }
}
