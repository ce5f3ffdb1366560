import { InvalidInput, resolveOccurredAt, type Decider } from '@spiral/decider';
import { validateEvent, type DomainEvent, type EventEnvelope, type PendingEvent } from '@spiral/event-catalogue';
import { eventDefinitionOf } from '@spiral/event-catalogue';
import { WrongExpectedRevision, type Clock, type EventStore } from '@spiral/ports';
import type { CommandEnvelope, CommandResult } from './command-envelope';
import { eventIdFor, keyPartOf, requestFingerprint } from './event-ids';
import { IdempotencyKeyReused } from './idempotency-key-reused';

/** Without If-Match a lost race is retried from a fresh read this many times before answering 409. */
const MAX_ATTEMPTS = 3;

/**
 * The whole write path: read the stream, fold it, decide, append with the revision read.
 * Idempotency lives in the stream itself: a retry finds its own first event id there and answers
 * with what was stored the first time, on every engine.
 */
export async function handleCommand<TCommand, TEvent extends DomainEvent, TState>(
  store: EventStore,
  clock: Clock,
  decider: Decider<TCommand, TEvent, TState>,
  streamId: string,
  sent: CommandEnvelope<TCommand>,
): Promise<CommandResult> {
  const envelope = sent.idempotencyKey === undefined || sent.fingerprint !== undefined ? sent : { ...sent, fingerprint: requestFingerprint(sent.command, sent.occurredAt) };
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    const earlier = findEarlierAnswer(history, envelope);
    if (earlier) return earlier;

    const revision = history.length - 1;
    if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
      throw new WrongExpectedRevision(streamId, envelope.expectedRevision, revision < 0 ? 'no_stream' : revision);
    }
    const pending = decideEvents(clock, decider, history, envelope);
    if (pending.length === 0) return answer(streamId, history.at(-1), [], false);
    try {
      const appended = await store.append(streamId, pending, revision < 0 ? 'no_stream' : revision);
      return answer(streamId, appended.events.at(-1), appended.events, appended.duplicate);
    } catch (error) {
      const mayRetry = envelope.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
      if (!(error instanceof WrongExpectedRevision) || !mayRetry) throw error;
    }
  }
}

function decideEvents<TCommand, TEvent extends DomainEvent, TState>(
  clock: Clock,
  decider: Decider<TCommand, TEvent, TState>,
  history: readonly EventEnvelope[],
  envelope: CommandEnvelope<TCommand>,
): PendingEvent[] {
  const state = foldHistory(decider, history);
  const now = clock.now();
  const occurredAt = resolveOccurredAt(envelope.occurredAt, history.at(-1)?.occurredAt, now);
  const events = decider.decide(envelope.command, state, { actor: envelope.actor, occurredAt, now });
  return events.map((event, index) => toPending(event, index, occurredAt, envelope));
}

function toPending<TCommand>(
  event: DomainEvent,
  index: number,
  occurredAt: string,
  envelope: CommandEnvelope<TCommand>,
): PendingEvent {
  const problems = validateEvent(event);
  // A decider that produces an event outside its published schema is a bug, not bad input; the
  // problems are still reported field by field so the cause is plain.
  if (problems.length > 0) throw new InvalidInput(problems);
  return {
    eventId: eventIdFor(envelope, index),
    type: event.type,
    schemaVersion: eventDefinitionOf(event.type)?.schemaVersion ?? 1,
    data: event.data,
    occurredAt,
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId ?? envelope.correlationId,
  };
}

/** Folds stored events into an aggregate's state; events are read as the current schema version. */
export function foldHistory<TEvent extends DomainEvent, TState>(
  decider: Pick<Decider<unknown, TEvent, TState>, 'initialState' | 'evolve'>,
  history: readonly EventEnvelope[],
): TState {
  return history.reduce(
    (current, stored) =>
      decider.evolve(current, stored as unknown as TEvent, {
        occurredAt: stored.occurredAt,
        streamRevision: stored.streamRevision,
      }),
    decider.initialState,
  );
}

/**
 * The answer a retried command gets: the events its first attempt stored, found by their ids. An
 * event with the key's first half but another request's second half means the key was used before
 * for something else: refused, never answered with that other command's result.
 */
function findEarlierAnswer<TCommand>(
  history: readonly EventEnvelope[],
  envelope: CommandEnvelope<TCommand>,
): CommandResult | undefined {
  if (envelope.idempotencyKey === undefined) return undefined;
  const firstId = eventIdFor(envelope, 0);
  const keyPart = keyPartOf(firstId);
  const start = history.findIndex((event) => event.eventId.startsWith(keyPart));
  if (start < 0) return undefined;
  if (history[start]?.eventId !== firstId) throw new IdempotencyKeyReused(envelope.idempotencyKey, history[start]?.type ?? '');
  const stored: EventEnvelope[] = [];
  for (let i = start; i < history.length; i++) {
    const event = history[i];
    if (event?.eventId !== eventIdFor(envelope, stored.length)) break;
    stored.push(event);
  }
  return answer(history[start]?.streamId ?? '', stored.at(-1), stored, true);
}

function answer(
  streamId: string,
  last: EventEnvelope | undefined,
  events: readonly EventEnvelope[],
  replayed: boolean,
): CommandResult {
  return {
    streamId,
    revision: last?.streamRevision ?? -1,
    globalPosition: last?.globalPosition ?? 0,
    eventIds: events.map((event) => event.eventId),
    replayed,
  };
}
