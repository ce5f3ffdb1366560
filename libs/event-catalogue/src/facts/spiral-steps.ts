import type { SpiralEvent } from '../local';
import type { SpiralStep } from '../values/spiral-step';

type SpiralEventType = SpiralEvent['type'];

const stays = (step: SpiralStep): SpiralStep => step;

/**
 * What each event of a spiral's stream does to its step (SPEC "The spiral"). Learning more while
 * deciding keeps the spiral at its decision; a gain achieved moves it to sustainability, and a gain
 * lost leaves it there (losing a gain is one of that step's outcomes). A record over every type,
 * so a new spiral event does not compile until its effect on the step is decided here.
 */
const STEP_AFTER: Readonly<Record<SpiralEventType, (step: SpiralStep) => SpiralStep>> = {
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
  SpiralClosed: () => 'closed',
};

/** Every event type of a spiral's stream. */
export const SPIRAL_EVENT_TYPES: readonly SpiralEventType[] = Object.keys(STEP_AFTER) as SpiralEventType[];

export function isSpiralEventType(type: string): type is SpiralEventType {
  return Object.hasOwn(STEP_AFTER, type);
}

/**
 * The spiral's step after one more event of its stream: the one rule the spiral's own fold and
 * every level's views call, so the decider and the views can never disagree on where a spiral is.
 */
export function spiralStepAfter(step: SpiralStep, type: SpiralEventType): SpiralStep {
  return STEP_AFTER[type](step);
}
