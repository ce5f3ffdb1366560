import { jsonEvent, NO_STREAM, type KurrentDBClient, type WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { EventEnvelope, PendingEvent } from '@spiral/event-catalogue';
import type { AppendResult, Clock, ExpectedRevision } from '@spiral/ports';
import { chainBatch, storedRepeats, validateBatch, type ChainedEvent } from './kurrentdb-batch';
import { envelopeToStored } from './kurrentdb-envelope';
import type { EventIdGuard } from './kurrentdb-event-id-guard';
import { checkExpected, isWrongExpectedVersion, toWrongExpectedRevision } from './kurrentdb-expected-revision';
import { readStreamFrom } from './kurrentdb-reads';

export interface AppendContext {
  readonly client: KurrentDBClient;
  readonly guard: EventIdGuard;
  readonly clock: Clock;
  readonly maxAttempts: number;
}

/**
 * One append, in the port's terms, on an engine that checks only the expected revision:
 * 1. read the stream: a batch whose ids are all stored is answered with the stored events (a
 *    retry, whatever the expected revision); some stored is PartialDuplicateAppend;
 * 2. check the caller's expected revision against the head read;
 * 3. reserve the event ids (EventIdInUse when another stream holds one);
 * 4. chain the hashes to the head read and append expecting exactly that head, so a writer that
 *    moved the stream in between makes the server refuse, and the loop starts again from 1 (for
 *    'any' until it wins; for a revision number 2 then answers WrongExpectedRevision);
 * 5. read the appended events back: their commit positions are known only once stored.
 */
export async function appendWithChain(
  context: AppendContext,
  streamId: string,
  events: readonly PendingEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  validateBatch(streamId, events);
  let conflict: WrongExpectedVersionError | undefined;
  for (let attempt = 1; attempt <= context.maxAttempts; attempt++) {
    const stream = await readStreamFrom(context.client, streamId);
    const repeats = storedRepeats(streamId, stream, events);
    if (repeats.length > 0) return result(streamId, repeats, true);
    const head = stream.at(-1);
    checkExpected(streamId, expected, head?.streamRevision);
    await context.guard.reserve(streamId, events.map((event) => event.eventId));
    const chained = chainBatch(streamId, events, head, context.clock.now());
    try {
      await context.client.appendToStream(streamId, chained.map(toEventData), {
        streamState: head === undefined ? NO_STREAM : BigInt(head.streamRevision),
      });
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
      conflict = error;
      await backoff(attempt);
      continue;
    }
    return result(streamId, await readBack(context.client, streamId, chained), false);
  }
  if (conflict !== undefined) throw toWrongExpectedRevision(streamId, expected, conflict);
  throw new Error(`append to ${streamId} made no attempt`);
}

function toEventData(event: ChainedEvent) {
  const { id, type, data, metadata } = envelopeToStored(event);
  return jsonEvent({ id, type, data, metadata: { ...metadata } });
}

/** The appended events as stored, checked against what was sent: same ids at the same revisions. */
async function readBack(client: KurrentDBClient, streamId: string, chained: readonly ChainedEvent[]): Promise<EventEnvelope[]> {
  const first = chained[0]?.streamRevision ?? 0;
  const stored = await readStreamFrom(client, streamId, first, chained.length);
  const matches = stored.length === chained.length && stored.every((event, index) => event.eventId === chained[index]?.eventId);
  if (!matches) throw new Error(`append to ${streamId} was acknowledged, but revisions ${first}.. do not hold the batch`);
  return stored;
}

function result(streamId: string, events: readonly EventEnvelope[], duplicate: boolean): AppendResult {
  const last = events[events.length - 1] as EventEnvelope;
  return { streamId, revision: last.streamRevision, globalPosition: last.globalPosition, events, duplicate };
}

/** A short, jittered pause before re-reading, so writers racing on one stream spread out. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.min(5 * 2 ** Math.min(attempt, 6), 250) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
