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
