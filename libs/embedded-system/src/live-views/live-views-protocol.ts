import type { CommandEnvelope, CommandResult } from '@spiral/command-handling';
import type { SpiralCommand } from '@spiral/local';

/**
 * The messages between the embedded server's thread (the writer, the readers) and its live views'
 * worker thread (the projection runners and the gains process manager), one kind per purpose.
 */

/** What the worker is started with. */
export interface LiveViewsWorkerData {
  readonly dataDir: string;
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
  /** The server committed appends: the worker's subscriptions read them now. */
  | { readonly kind: 'appended' }
  | { readonly kind: 'reply'; readonly id: number; readonly outcome?: CommandOutcome }
  /** Stop after the batches in flight, close the connections, and exit. */
  | { readonly kind: 'stop' };
