import { foldHistory } from '@spiral/command-handling';
import { SYSTEM_ROLE, type Actor, type EventEnvelope } from '@spiral/event-catalogue';
import type { GainFact } from '@spiral/spc';
import { ExecuteSpiralCommand } from '../application/spiral.command-handler';
import type { RecordGainAchieved, RecordGainLost, RecordGainSustained, WithdrawGain } from '../domain/spiral/spiral.commands';
import type { SpiralGain } from '../domain/spiral/spiral.state';
import { spiralDecider } from '../domain/spiral/spiral.decider';
import { firingEvent, gainFactsOf } from './gain-facts';
import { gainReconciliation, undoingEvent, undoingPeriodOf } from './gain-reconciliation';

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

/**
 * Derived from the fact alone, so a re-run, a redelivery or a second manager stores nothing twice.
 * A fact recorded again after withdrawals (a later point restored it) adds how many came before,
 * or its retry would be taken for the first recording; streams without withdrawals keep the old keys.
 */
export function gainIdempotencyKey(spiralId: string, fact: GainFact, withdrawalsBefore = 0): string {
  const key = `gain:${fact.fact}:${spiralId}:${fact.periods[0] ?? ''}`;
  return withdrawalsBefore === 0 ? key : `${key}:after-${withdrawalsBefore}`;
}

/** The n-th withdrawal of the stream (from 1): unique, and the same on every re-run. */
export function withdrawalIdempotencyKey(spiralId: string, gain: SpiralGain, ordinal: number): string {
  return `gain-withdrawn:${gain.kind}:${spiralId}:${gain.periods[0] ?? ''}:${ordinal}`;
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
 * The commands that make the spiral's recorded gains agree with its chart (gainReconciliation): the
 * withdrawals first, latest gain first, each citing the point or rebase that undid it; then the
 * RecordGain… commands for the facts the chart shows beyond, in its order. None for a closed
 * spiral: it records nothing more.
 */
export function gainCommands(spiralId: string, events: readonly EventEnvelope[]): ExecuteSpiralCommand[] {
  const state = foldHistory(spiralDecider, events);
  const last = events.at(-1);
  if (state.status !== 'recognised' || state.step === 'closed' || last === undefined) return [];
  const { withdraw, record } = gainReconciliation(state.gains, gainFactsOf(events));
  const withdrawnBefore = events.filter((event) => event.type === 'GainWithdrawn').length;
  const withdrawals = withdraw.flatMap((gain, index) => {
    const cause = undoingEvent(gain, events);
    if (cause === undefined) return [];
    const command: WithdrawGain = { type: 'WithdrawGain', spiralId, withdrawn: gain.kind, periods: [...gain.periods], undoneBy: cause.type, undoingPeriod: undoingPeriodOf(cause) };
    return [new ExecuteSpiralCommand(spiralId, { command, ...systemEnvelope(cause, last), idempotencyKey: withdrawalIdempotencyKey(spiralId, gain, withdrawnBefore + index + 1) })];
  });
  const withdrawnAfter = withdrawnBefore + withdrawals.length;
  return [
    ...withdrawals,
    ...record.map((fact) => {
      const cause = firingEvent(fact, events) ?? last;
      const command = { type: COMMAND_TYPES[fact.fact], spiralId, rule: fact.rule, periods: [...fact.periods] };
      return new ExecuteSpiralCommand(spiralId, { command, ...systemEnvelope(cause, last), idempotencyKey: gainIdempotencyKey(spiralId, fact, withdrawnAfter) });
    }),
  ];
}

/** Who sends a gain command, and what caused it: the SPC actor, in the cause's correlation. */
function systemEnvelope(cause: EventEnvelope, last: EventEnvelope) {
  return { actor: SPC_ACTOR, correlationId: cause.correlationId, causationId: cause.eventId, occurredAt: gainOccurredAt(cause, last) };
}
