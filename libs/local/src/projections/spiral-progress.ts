import { isSpiralEventType, spiralStepAfter, type SpiralStep } from '@spiral/event-catalogue';
import type { GainKind, GainStatus, SpiralGain } from '../domain/spiral/spiral.state';
import type { LocalEvent } from './local-event';

export type GainCounts = Readonly<Record<GainKind, number>>;

/** How far one spiral has come, as every local view summarises it (a type, so documents embedding it stay JSON records). */
export type SpiralProgress = {
  readonly step: SpiralStep;
  /** The adoption's occurredAt; null before an option is adopted. */
  readonly adoptedAt: string | null;
  readonly gains: GainCounts;
  /** The kind of the latest gain event, `none` before any. */
  readonly gainStatus: GainStatus;
};

const GAIN_KINDS = { GainAchieved: 'achieved', GainSustained: 'sustained', GainLost: 'lost' } as const satisfies Record<string, GainKind>;
type GainEvent = Extract<LocalEvent, { type: keyof typeof GAIN_KINDS }>;

function isGainEvent(event: LocalEvent): event is GainEvent {
  return event.type in GAIN_KINDS;
}

export const noGains: GainCounts = { achieved: 0, sustained: 0, lost: 0 };

export const newSpiralProgress: SpiralProgress = { step: 'recognition', adoptedAt: null, gains: noGains, gainStatus: 'none' };

/** A spiral's progress after one more event of its stream; the step by the catalogue's one rule. */
export function progressAfter<T extends SpiralProgress>(progress: T, event: LocalEvent, occurredAt: string): T {
  // A team's own events never move its spirals.
  const step = isSpiralEventType(event.type) ? spiralStepAfter(progress.step, event.type) : progress.step;
  const adoptedAt = event.type === 'OptionAdopted' ? occurredAt : progress.adoptedAt;
  if (!isGainEvent(event)) return { ...progress, step, adoptedAt };
  const kind = GAIN_KINDS[event.type];
  return { ...progress, step, adoptedAt, gains: { ...progress.gains, [kind]: progress.gains[kind] + 1 }, gainStatus: kind };
}

/** A recorded gain as the views list it, as the spiral's state does: the SPEC shape plus when it happened. */
export type RecordedGain = SpiralGain;

/** The gain an event records, if it is a gain event. */
export function gainOf(event: LocalEvent, occurredAt: string): RecordedGain | undefined {
  if (!isGainEvent(event)) return undefined;
  return { kind: GAIN_KINDS[event.type], rule: event.data.rule, periods: event.data.periods, occurredAt };
}
