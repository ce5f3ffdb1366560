import type { Actor } from '@spiral/event-catalogue';

/** A command with what the request said about it; the HTTP layer and the seeder both build these. */
export interface CommandEnvelope<TCommand> {
  readonly command: TCommand;
  readonly actor: Actor;
  readonly correlationId: string;
  /** The event or request that caused this command; defaults to the correlation id. */
  readonly causationId?: string;
  /**
   * A retry with the same key (same user, role, organisation and region) and the same request stores
   * nothing new and answers as the first time; the same key with another request is refused.
   */
  readonly idempotencyKey?: string;
  /**
   * requestFingerprint of the command as the sender asked it, set where the envelope is built (a
   * handler may add facts it loaded to the command later); the command as handled when unset.
   */
  readonly fingerprint?: string;
  /** From If-Match: the revision the client last saw; a stale one is refused with 409. */
  readonly expectedRevision?: number;
  /** When the fact happened, for history entered late. */
  readonly occurredAt?: string;
}

/** What a command answers: the stream it changed, its new revision and the events stored. */
export interface CommandResult {
  readonly streamId: string;
  readonly revision: number;
  readonly globalPosition: number;
  readonly eventIds: readonly string[];
  /** True when this was a retry of a command already handled. */
  readonly replayed: boolean;
}
