import { ANY, NO_STREAM, WrongExpectedVersionError, type AppendStreamState, type CurrentStreamState } from '@kurrent/kurrentdb-client';
import { WrongExpectedRevision, type ExpectedRevision } from '@spiral/ports';

/** The port's expected revision as the client's stream state: 'no_stream' and 'any' by name, a number as a BigInt. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

/** The state a stream is in, as the client reports it, in the port's terms. */
export function fromCurrentState(actual: CurrentStreamState): number | 'no_stream' {
  return actual === NO_STREAM ? 'no_stream' : Number(actual);
}

/** The port's check, made on the head the adapter read, before anything is written. */
export function checkExpected(streamId: string, expected: ExpectedRevision, head: number | undefined): void {
  const actual = head ?? 'no_stream';
  if (expected === 'any' || expected === actual) return;
  throw new WrongExpectedRevision(streamId, expected, actual);
}

/**
 * Whether an append failed because the stream moved. Checked by the error's `type` too: the
 * client's error classes may come from another copy of the module (jest realms, bundlers).
 */
export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  if (error instanceof WrongExpectedVersionError) return true;
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'wrong-expected-version';
}

/** The client's WrongExpectedVersionError as the port's WrongExpectedRevision. */
export function toWrongExpectedRevision(streamId: string, expected: ExpectedRevision, error: WrongExpectedVersionError): WrongExpectedRevision {
  return new WrongExpectedRevision(streamId, expected, fromCurrentState(error.actualState));
}
