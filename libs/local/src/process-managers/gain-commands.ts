import { foldHistory } from '@spiral/command-handling';
import { SYSTEM_ROLE, type Actor, type EventEnvelope } from '@spiral/event-catalogue';
import type { GainFact } from '@spiral/spc';
import { ExecuteSpiralCommand } from '../application/spiral.command-handler';
import type { RecordGainAchieved, RecordGainLost, RecordGainSustained } from '../domain/spiral/spiral.commands';
import { spiralDecider } from '../domain/spiral/spiral.decider';
import { factKey, firingEvent, gainFactsOf, gainKey } from './gain-facts';

/**
 * Who records a gain: Spiral itself, for SPC, as the `system` actor of SPEC "Access" that no token
 * can claim (spiral-steps/gains.ts, mayRecordGain); no HTTP route records a gain either, so a gain is
 * never merely claimed.
 */
export const SPC_ACTOR: Actor = { id: 'system:spc', role: SYSTEM_ROLE, org: null, region: null };

const COMMAND_TYPES = {
  achieved: 'RecordGainAchieved',
  sustained: 'RecordGainSustained',
  lost: 'RecordGainLost',
} as const satisfies Record<GainFact['fact'], (RecordGainAchieved | RecordGainSustained | RecordGainLost)['type']>;

/** Derived from the fact alone, so a re-run, a redelivery or a second manager stores nothing twice. */
export function gainIdempotencyKey(spiralId: string, fact: GainFact): string {
  return `gain:${fact.fact}:${spiralId}:${fact.periods[0] ?? ''}`;
}

/**
 * When the gain happened: when the event that fired it happened. SPEC "Events" forbids a fact
 * earlier than its stream's last one, so when the stream has moved on since (the manager read it
 * late), the gain takes the last fact's time, the earliest the stream accepts.
 */
function gainOccurredAt(cause: EventEnvelope, last: EventEnvelope): string {
  return Date.parse(last.occurredAt) > Date.parse(cause.occurredAt) ? last.occurredAt : cause.occurredAt;
}

/**
 * The RecordGain… commands for the facts the spiral's chart shows and its stream has not recorded,
 * in the order the chart shows them. None for a closed spiral: it records nothing more.
 */
export function missingGainCommands(spiralId: string, events: readonly EventEnvelope[]): ExecuteSpiralCommand[] {
  const state = foldHistory(spiralDecider, events);
  const last = events.at(-1);
  if (state.status !== 'recognised' || state.step === 'closed' || last === undefined) return [];
  const recorded = new Set(state.gains.map((gain) => gainKey(gain.kind, gain.periods)));
  return gainFactsOf(events)
    .filter((fact) => !recorded.has(factKey(fact)))
    .map((fact) => {
      const cause = firingEvent(fact, events) ?? last;
      return new ExecuteSpiralCommand(spiralId, {
        command: { type: COMMAND_TYPES[fact.fact], spiralId, rule: fact.rule, periods: [...fact.periods] },
        actor: SPC_ACTOR,
        correlationId: cause.correlationId,
        causationId: cause.eventId,
        idempotencyKey: gainIdempotencyKey(spiralId, fact),
        occurredAt: gainOccurredAt(cause, last),
      });
    });
}
