import type { ExpectedRevision } from './event-store.port';

/** Another writer moved the stream first: reload and decide again, or tell the user (HTTP 409). */
export class WrongExpectedRevision extends Error {
  readonly code = 'wrong_expected_revision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId} is at revision ${String(actual)}, not ${String(expected)}`);
  }
}

/** Some, but not all, of a batch's event ids are stored already: not a clean retry. */
export class PartialDuplicateAppend extends Error {
  readonly code = 'partial_duplicate_append';
  constructor(readonly streamId: string) {
    super(`stream ${streamId}: some event ids of this batch are stored already and some are not`);
  }
}

/**
 * An event id of the batch is stored already in another stream: an id, or the Idempotency-Key it was
 * derived from, was reused for a different fact. Nothing of the batch is stored (HTTP 409).
 */
export class EventIdInUse extends Error {
  readonly code = 'event_id_in_use';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
    /** The stream that holds the id, when the engine can tell. */
    readonly storedIn?: string,
  ) {
    super(`event ${eventId} cannot be appended to ${streamId}: it is stored already${storedIn ? ` in ${storedIn}` : ''}`);
  }
}

/**
 * The event store could not make a commit durable (its disk failed a sync). What it committed may
 * or may not survive, so it refuses every append from then on rather than answer writes a power cut
 * could lose; it needs a restart once the disk is checked (HTTP 503). The appends refused on the way
 * have an unknown outcome: a retry with the same Idempotency-Key tells.
 */
export class EventStoreFailed extends Error {
  readonly code = 'event_store_failed';
  constructor(cause: unknown) {
    super(
      `the event store could not make a commit durable (${cause instanceof Error ? cause.message : String(cause)}) and refuses writes until it is restarted: check the disk, then restart the server; retry with the same Idempotency-Key to learn whether a command was stored`,
      { cause },
    );
  }
}
