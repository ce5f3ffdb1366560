import type { SpiralEvent } from '../local';
import type { SpiralStep } from '../values/spiral-step';

type SpiralEventType = SpiralEvent['type'];
type StepRule<T extends SpiralEventType> = (step: SpiralStep, event: Extract<SpiralEvent, { type: T }>) => SpiralStep;

const stays = (step: SpiralStep): SpiralStep => step;

/**
 * What each event of a spiral's stream does to its step (SPEC "The spiral"). Learning more while
 * deciding keeps the spiral at its decision; a gain achieved moves it to sustainability, and a gain
 * lost leaves it there (losing a gain is one of that step's outcomes); a gain withdrawn that leaves
 * none standing takes it back to its change step. A record over every type,
 * so a new spiral event does not compile until its effect on the step is decided here.
 */
const STEP_AFTER: { readonly [T in SpiralEventType]: StepRule<T> } = {
  NeedRecognised: () => 'recognition',
  KnowledgePulled: (step) => (step === 'decision' ? 'decision' : 'knowing'),
  OptionsAppraised: () => 'decision',
  OptionAdopted: () => 'change',
  ChangeSupportSecured: stays,
  ChangeCycleCompleted: stays,
  MeasurementRecorded: stays,
  RebaseConfirmed: stays,
  SustainabilityAssessed: stays,
  GainAchieved: () => 'sustainability',
  GainSustained: stays,
  GainLost: stays,
  GainWithdrawn: (step, event) => (step === 'sustainability' && event.data.standing === 'none' ? 'change' : step),
  SpiralClosed: () => 'closed',
};

/** Every event type of a spiral's stream. */
export const SPIRAL_EVENT_TYPES: readonly SpiralEventType[] = Object.keys(STEP_AFTER) as SpiralEventType[];

export function isSpiralEventType(type: string): type is SpiralEventType {
  return Object.hasOwn(STEP_AFTER, type);
}

/** Whether an event (or an envelope's type and data) is one of a spiral's stream. */
export function isSpiralEvent(event: { readonly type: string }): event is SpiralEvent {
  return isSpiralEventType(event.type);
}

/**
 * The spiral's step after one more event of its stream: the one rule the spiral's own fold and
 * every level's views call, so the decider and the views can never disagree on where a spiral is.
 */
export function spiralStepAfter(step: SpiralStep, event: SpiralEvent): SpiralStep {
  // The record pairs each type with its own rule; TypeScript cannot follow that through a union.
  const rule = STEP_AFTER[event.type] as StepRule<SpiralEventType>;
  return rule(step, event);
}
