import { Logger } from '@nestjs/common';
import type { CommandResult } from '@spiral/command-handling';
import { DomainError } from '@spiral/decider';
import { streamIds, streamKindOf, type EventEnvelope } from '@spiral/event-catalogue';
import type { EventFeed, EventStore, FeedSubscription, ViewStore } from '@spiral/ports';
import type { ExecuteSpiralCommand } from '../application/spiral.command-handler';
import { SERIES_EVENT_TYPES } from '../projections/spiral-series';
import { gainCommands } from './gain-commands';

/** The feed group and checkpoint name of the manager. */
export const GAINS_PROCESS_MANAGER = 'local-gains-process-manager';

/** How a command reaches the spiral's write path: the CommandBus in the app, the handler itself in tests. */
export type SendSpiralCommand = (command: ExecuteSpiralCommand) => Promise<CommandResult>;

export interface GainsProcessManagerPorts {
  readonly feed: EventFeed;
  readonly views: ViewStore;
  readonly store: EventStore;
}

/**
 * Gains from data (SPEC "Statistical process control"): when a point, an adoption or a rebase reaches
 * a spiral, the manager reads the spiral's stream, asks @spiral/spc which gains its chart shows, and
 * records those the stream lacks through the spiral's write path (its decider has the last word).
 *
 * Its checkpoint is kept in the view store, committed after each batch. A batch handled again (a
 * crash before the commit) sends the same commands with the same idempotency keys, so nothing is
 * stored twice. A refusal by a domain rule (the spiral closed meanwhile) is logged and skipped: the
 * next point of that spiral asks again, so nothing is retried forever. Any other failure (the store
 * unavailable) fails the batch, and the feed delivers it again.
 */
export class GainsProcessManager {
  private position = 0;
  private subscription: FeedSubscription | undefined;

  constructor(
    private readonly ports: GainsProcessManagerPorts,
    private readonly send: SendSpiralCommand,
    private readonly logger: Pick<Logger, 'warn'> = new Logger(GAINS_PROCESS_MANAGER),
  ) {}

  async start(): Promise<void> {
    this.position = await this.ports.views.checkpoint(GAINS_PROCESS_MANAGER);
    this.subscription = await this.ports.feed.consume({ group: GAINS_PROCESS_MANAGER, after: this.position, handle: (batch) => this.handle(batch) });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** Handles one batch and moves the checkpoint past it; public so tests and replays drive it directly. */
  async handle(batch: readonly EventEnvelope[]): Promise<void> {
    const fresh = batch.filter((event) => event.globalPosition > this.position);
    const last = fresh.at(-1);
    if (last === undefined) return;
    for (const spiralId of spiralsToSettle(fresh)) await this.settle(spiralId);
    await this.ports.views.commit(GAINS_PROCESS_MANAGER, [], last.globalPosition);
    this.position = last.globalPosition;
  }

  /**
   * Moves the checkpoint to `position` without reading the feed: for a writer that called settle()
   * after every series event it stored up to there, so the manager has nothing left to do for them.
   */
  async settledUpTo(position: number): Promise<void> {
    if (position <= this.position) return;
    await this.ports.views.commit(GAINS_PROCESS_MANAGER, [], position);
    this.position = position;
  }

  /** Events stored but not yet handled; 0 when the manager is current. */
  async eventsBehind(): Promise<number> {
    return Math.max(0, (await this.ports.store.headPosition()) - this.position);
  }

  /**
   * Records the gains one spiral's chart shows and its stream lacks, and says how many it stored.
   * Public for a writer that settles
   * each spiral as it writes it (the seeder), so gains are dated by the point that fired them.
   *
   * The commands are worked out from the stream as read, and other writers go on meanwhile (points
   * arriving back to back): a refusal of a command whose stream has moved on since is no answer
   * about the chart (a gain dated before the newest point is refused by the time rule), so the
   * spiral is settled again from the stream as it is now; only a refusal of a stream that stood
   * still is the decider's answer, logged and skipped.
   */
  async settle(spiralId: string): Promise<number> {
    let recorded = 0;
    for (let attempt = 1; ; attempt += 1) {
      const events = await this.ports.store.readStream(streamIds.spiral(spiralId));
      const { stored, refusals } = await this.sendAll(gainCommands(spiralId, events));
      recorded += stored;
      if (refusals.length === 0) return recorded;
      // Grown by this round's own gains too: then the next round asks once more and finds it still.
      const movedOn = (await this.ports.store.readStream(streamIds.spiral(spiralId))).length > events.length;
      if (!movedOn || attempt === SETTLE_ATTEMPTS) {
        for (const refusal of refusals) this.logger.warn({ ...refusal, spiralId, attempts: attempt });
        return recorded;
      }
    }
  }

  /** Sends the commands in order; a refusal by the decider is noted and the next command still sent. */
  private async sendAll(commands: readonly ExecuteSpiralCommand[]): Promise<{ stored: number; refusals: Refusal[] }> {
    let stored = 0;
    const refusals: Refusal[] = [];
    for (const command of commands) {
      try {
        const result = await this.send(command);
        if (!result.replayed) stored += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusals.push({ skipped: command.envelope.command.type, idempotencyKey: command.envelope.idempotencyKey, reason: error.message });
      }
    }
    return { stored, refusals };
  }
}

interface Refusal {
  readonly skipped: string;
  readonly idempotencyKey: string | undefined;
  readonly reason: string;
}

/** Reads of a spiral that keeps moving under the manager before it gives up until the spiral's next point. */
const SETTLE_ATTEMPTS = 5;

/** The spirals whose chart may have changed in a batch, in the order they first appear. */
function spiralsToSettle(batch: readonly EventEnvelope[]): string[] {
  const spiralIds = new Set<string>();
  for (const event of batch) {
    if (streamKindOf(event.streamId) !== 'spiral' || !(SERIES_EVENT_TYPES as readonly string[]).includes(event.type)) continue;
    const spiralId = (event.data as { readonly spiralId?: unknown }).spiralId;
    if (typeof spiralId === 'string') spiralIds.add(spiralId);
  }
  return [...spiralIds];
}
