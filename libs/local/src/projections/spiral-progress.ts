import { isSpiralEvent, spiralStepAfter, type SpiralStep } from '@spiral/event-catalogue';
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

/** A spiral's progress after one more event of its stream, always a new object; the step by the catalogue's one rule. */
export function progressAfter<T extends SpiralProgress>(progress: T, event: LocalEvent, occurredAt: string): T {
  // A team's own events never move its spirals.
  const step = isSpiralEvent(event) ? spiralStepAfter(progress.step, event) : progress.step;
  if (event.type === 'GainWithdrawn') return progressWithdrawn(progress, event, step);
  const adoptedAt = event.type === 'OptionAdopted' ? occurredAt : progress.adoptedAt;
  if (!isGainEvent(event)) return { ...progress, step, adoptedAt };
  const kind = GAIN_KINDS[event.type];
  return { ...progress, step, adoptedAt, gains: { ...progress.gains, [kind]: progress.gains[kind] + 1 }, gainStatus: kind };
}

/** A withdrawal takes back the latest gain: its kind counts one less, and the status is the one the event names. */
function progressWithdrawn<T extends SpiralProgress>(progress: T, event: Extract<LocalEvent, { type: 'GainWithdrawn' }>, step: SpiralStep): T {
  const { withdrawn, standing } = event.data;
  return { ...progress, step, gains: { ...progress.gains, [withdrawn]: progress.gains[withdrawn] - 1 }, gainStatus: standing };
}

/** A recorded gain as the views list it, as the spiral's state does: the SPEC shape plus when it happened. */
export type RecordedGain = SpiralGain;

/** The recorded gains once a withdrawal took back the one it names (always the latest of the spiral). */
export function gainsWithdrawn<G extends RecordedGain>(gains: readonly G[], event: LocalEvent, isOfSpiral: (gain: G) => boolean = () => true): G[] | undefined {
  if (event.type !== 'GainWithdrawn') return undefined;
  const { withdrawn, periods } = event.data;
  const at = gains.findLastIndex((gain) => isOfSpiral(gain) && gain.kind === withdrawn && gain.periods[0] === periods[0]);
  return at < 0 ? [...gains] : [...gains.slice(0, at), ...gains.slice(at + 1)];
}

/** The gain an event records, if it is a gain event. */
export function gainOf(event: LocalEvent, occurredAt: string): RecordedGain | undefined {
  if (!isGainEvent(event)) return undefined;
  return { kind: GAIN_KINDS[event.type], rule: event.data.rule, periods: event.data.periods, occurredAt };
}
