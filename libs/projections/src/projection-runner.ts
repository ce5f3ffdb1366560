import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Clock, EventFeed, EventStore, FeedSubscription, ViewStore } from '@spiral/ports';
import { appliedRevisionsOf, readAheadRevisions, unappliedEvents } from './applied-events';
import { BatchViewSession } from './batch-view-session';
import { HistoryViewSession } from './history-view-session';
import { DEFAULT_PARKING, parkedEventsOf, PoisonEvents, type ParkingPolicy } from './parked-events';
import { projectionKey, type Projection, type ViewSession } from './projection';
import { replayParkedEvents, type ParkedReplay } from './replay-parked';
import { readAhead } from './read-ahead';
import { ViewDocumentCache } from './view-document-cache';

export interface ApplyOptions {
  /**
   * The session of a whole history (applyHistory), which holds the documents across its pages;
   * without it the batch reads through the runner's cache, as live batches do.
   */
  readonly history?: HistoryViewSession;
}

export interface ProjectionStatus {
  readonly projection: string;
  /** Global position of the last event applied. */
  readonly position: number;
  /** Events stored but not yet applied. */
  readonly eventsBehind: number;
  /** How long the oldest unapplied event has waited, in seconds; 0 when current. */
  readonly secondsBehind: number;
  /** Consuming the feed: its consumer has joined (a projector's runners join after /health answers). */
  readonly running: boolean;
}

/**
 * Feeds one projection from the event feed: each batch's view changes and its checkpoint are
 * committed together, so after a crash the views resume exactly where they stand. What was applied
 * already is skipped (by position on a globally ordered feed, by stream revision on one ordered per
 * stream), so a redelivered batch changes nothing. An event the projection keeps failing on is
 * parked (a dead letter beside the views, with the error) and the rest of its batch flows on;
 * replayParked() applies parked events again once the projection is fixed. The documents read and
 * committed stay in memory between batches (ViewDocumentCache) for as long as no one else writes them.
 */
export class ProjectionRunner {
  private position = 0;
  /**
   * Set by a turn that failed: its commit may have landed all the same (a store that lost its
   * connection mid-commit), leaving the stored checkpoint past `position`; the next turn reads it.
   */
  private positionUnsure = false;
  private subscription: FeedSubscription | undefined;
  private readonly poison: PoisonEvents;
  private readonly cache = new ViewDocumentCache();
  /** Batches and replays of parked events take turns, so each commits the checkpoint it read. */
  private turn: Promise<unknown> = Promise.resolve();
  /** Called after each commit with the position applied: blue/green watches for its generation to be current. */
  onCommitted: ((position: number) => Promise<void>) | undefined;

  constructor(
    readonly projection: Projection,
    private readonly feed: EventFeed,
    private readonly views: ViewStore,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly maxBatchSize = 500,
    parking: ParkingPolicy = DEFAULT_PARKING,
  ) {
    this.poison = new PoisonEvents(parking);
  }

  /** Replays and tests drive apply() directly in global order; only a live feed may be per stream. */
  private get ordering() {
    return this.feed.ordering ?? 'global';
  }

  get key(): string {
    return projectionKey(this.projection);
  }

  async start(): Promise<void> {
    this.position = await this.views.checkpoint(this.key);
    this.subscription = await this.feed.consume({
      group: this.key,
      // A feed ordered per stream resumes from its own offsets; a position would hide other streams.
      after: this.ordering === 'global' ? this.position : 0,
      maxBatchSize: this.maxBatchSize,
      handle: (batch) => this.apply(batch),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /**
   * Applies one batch and commits it with its checkpoint; public so replays and tests drive it directly.
   * Where other processes write the same views (projectors sharing a consumer group), the reads,
   * the apply and the commit run under the projection's lease, so no member commits over another's.
   */
  async apply(batch: readonly EventEnvelope[], options: ApplyOptions = {}): Promise<void> {
    const { history } = options;
    return this.inTurn(() =>
      this.applyAlone(batch, history).catch(async (error: unknown) => {
        if (history !== undefined) {
          // Pages since the last commit are lost with it: the history starts again from there.
          history.discardChanges();
          this.position = await this.views.checkpoint(this.key);
        }
        throw error;
      }),
    );
  }

  /** A session for applying a whole history page by page (applyHistory): documents held across its pages. */
  historySession(): HistoryViewSession {
    return new HistoryViewSession(this.views, this.projection);
  }

  /** Applies the parked events again (all, or the ids given); those that now succeed leave the dead letters. */
  replayParked(eventIds?: readonly string[]): Promise<ParkedReplay> {
    // The replay commits past the cache, so what it held may no longer be what is stored.
    return this.inTurn(() => replayParkedEvents(this.projection, this.views, this.key, this.clock, eventIds).finally(() => this.cache.clear()));
  }

  /**
   * One at a time in this process, and under the projection's lease where other processes write
   * too; a turn after another process's starts from an empty cache and a recovered checkpoint. A turn that fails may have
   * committed part of its work (a store that lost its connection mid-commit), so it empties it too.
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const exclusively = this.views.exclusively?.bind(this.views);
    const guarded = async (): Promise<T> => {
      if (this.positionUnsure) await this.recoverPosition();
      return work().catch((error: unknown) => {
        this.cache.clear();
        this.positionUnsure = true;
        throw error;
      });
    };
    const result = this.turn.then(() =>
      exclusively === undefined
        ? guarded()
        : exclusively(this.key, async (turn) => {
            if (turn.othersMayHaveWritten) {
              this.cache.clear();
              // Read under the lease, the checkpoint first recovers a commit another member left
              // pending (killed mid-commit), so this turn reads whole documents and, on a globally
              // ordered feed, skips the events that commit applied.
              await this.recoverPosition();
            }
            return guarded();
          }),
    );
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async applyAlone(batch: readonly EventEnvelope[], history: HistoryViewSession | undefined): Promise<void> {
    if (history !== undefined) return this.applyPage(batch, history);
    // Each pass starts from a fresh session, so a failed event leaves none of its writes behind.
    let session = new BatchViewSession(this.views, this.projection, this.cache);
    await readAheadRevisions(this.projection, batch, this.ordering, this.views, this.cache);
    let fresh = await unappliedEvents(batch, this.ordering, this.position, session, appliedRevisionsOf(this.projection), this.projection.eventTypes);
    if (fresh.length === 0) return;
    await readAhead(this.projection, fresh, this.views, this.cache);
    for (let failure = await this.applyEach(fresh, session); failure !== undefined; failure = await this.applyEach(fresh, session)) {
      // A view store that does not answer is an outage, not a poison event: retry, count nothing.
      if (!(await this.views.health()).ok || !this.poison.failed(failure.event, failure.error)) throw failure.error;
      // The failed pass may have changed documents the cache holds in place.
      this.cache.clear();
      session = new BatchViewSession(this.views, this.projection, this.cache);
      fresh = await unappliedEvents(batch, this.ordering, this.position, session, appliedRevisionsOf(this.projection), this.projection.eventTypes);
    }
    // On a per-stream feed the position is the furthest applied: exact for lag once caught up. The
    // stored one is never further: other members' commits and a failed turn's are read before the
    // turn (inTurn), so no batch pays a read of it (one FerretDB round trip a batch).
    const position = Math.max(this.position, ...fresh.map((event) => event.globalPosition));
    const changes = session.changes();
    await this.views.commit(this.key, changes, position);
    this.cache.committed(changes);
    this.poison.settled(fresh);
    this.position = position;
    await this.onCommitted?.(position);
  }

  /**
   * A page of a history (in global order), applied into the history's session and committed only
   * when the session holds enough changed documents, or at the end (commitHistory): each document
   * is then written once per commit, not once per page (profiled: serialising and writing the
   * touched documents of every page was a sixth of a rebuild). A failure stops the history (a
   * first delivery parks nothing), which starts again from its last commit (apply's catch).
   */
  private async applyPage(batch: readonly EventEnvelope[], history: HistoryViewSession): Promise<void> {
    // A commit past the cache leaves what it holds behind the store.
    this.cache.clear();
    const fresh = await unappliedEvents(batch, this.ordering, this.position, history, appliedRevisionsOf(this.projection), this.projection.eventTypes);
    const last = fresh.at(-1);
    if (last === undefined) return;
    const failure = await this.applyEach(fresh, history);
    if (failure !== undefined) throw failure.error;
    this.position = Math.max(this.position, last.globalPosition);
    history.pageApplied();
    if (history.dueForCommit) await this.commitPage(history);
  }

  /** Commits what a history's session still holds uncommitted, with the position it reached. */
  commitHistory(history: HistoryViewSession): Promise<void> {
    return this.inTurn(() => this.commitPage(history));
  }

  private async commitPage(history: HistoryViewSession): Promise<void> {
    await this.views.commit(this.key, history.changes(), this.position);
    history.committed();
    await this.onCommitted?.(this.position);
  }

  private async recoverPosition(): Promise<void> {
    this.position = Math.max(this.position, await this.views.checkpoint(this.key));
    this.positionUnsure = false;
  }

  /** Applies each event, parking those decided poison; the first failure stops the pass. */
  private async applyEach(fresh: readonly EventEnvelope[], session: ViewSession): Promise<{ event: EventEnvelope; error: unknown } | undefined> {
    for (const event of fresh) {
      if (this.poison.isParked(event)) session.put(parkedEventsOf(this.projection), event.eventId, this.poison.deadLetter(event, this.clock.now()));
      else if (this.projection.eventTypes.has(event.type)) {
        try {
          await this.projection.apply(event, session);
        } catch (error) {
          return { event, error };
        }
      }
    }
    return undefined;
  }

  status(): Promise<ProjectionStatus> {
    return projectionStatus(this.key, this.position, this.subscription !== undefined, this.store, this.clock);
  }
}

/** Where a projection at `position` stands against the store: what /health reports for it. */
export async function projectionStatus(projection: string, position: number, running: boolean, store: EventStore, clock: Clock): Promise<ProjectionStatus> {
  const head = await store.headPosition();
  let secondsBehind = 0;
  if (head > position) {
    for await (const next of store.readAll({ after: position, pageSize: 1 })) {
      secondsBehind = Math.max(0, (Date.parse(clock.now()) - Date.parse(next.recordedAt)) / 1000);
      break;
    }
  }
  return { projection, position, eventsBehind: Math.max(0, head - position), secondsBehind, running };
}
