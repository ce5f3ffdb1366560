import { SPIRAL_EVENT_TYPES, SPIRAL_STEPS, spiralStepAfter, type SpiralEvent, type SpiralStep } from '@spiral/event-catalogue';
import { foldSpiralEvent, type SpiralSummary } from '@spiral/projections';
import { EnvelopeBuilder } from '@spiral/projections/testing';
import { evolveSpiral, initialSpiralState, type SpiralState } from '../domain/spiral/spiral.state';
import { gainAchieved, knowledgePulled, measured, needRecognised, optionAdopted, optionsAppraised, SPIRAL_ID, spiralClosed } from '../domain/spiral/spiral.test-fixtures';
import { newSpiralProgress, progressAfter, type SpiralProgress } from './spiral-progress';

type SpiralEventType = SpiralEvent['type'];

/** One event of every type of a spiral's stream: a record, so a new type does not compile until it is here. */
const ONE_OF_EACH: Readonly<Record<SpiralEventType, SpiralEvent>> = {
  NeedRecognised: needRecognised,
  KnowledgePulled: knowledgePulled,
  OptionsAppraised: optionsAppraised,
  OptionAdopted: optionAdopted,
  ChangeSupportSecured: {
    type: 'ChangeSupportSecured',
    data: { spiralId: SPIRAL_ID, resources: ['analyst time'], improvementTeam: [{ role: 'nurse', skills: ['PDSA'] }], sponsor: 'medical director' },
  },
  ChangeCycleCompleted: {
    type: 'ChangeCycleCompleted',
    data: { spiralId: SPIRAL_ID, cycleNumber: 1, plan: 'p', prediction: 'p', observed: 'o', learning: 'l', decision: 'adopt' },
  },
  MeasurementRecorded: measured('2005-01-01', 70),
  RebaseConfirmed: { type: 'RebaseConfirmed', data: { spiralId: SPIRAL_ID, fromPeriod: '2005-01-01', reason: 'A new pathway.' } },
  SustainabilityAssessed: {
    type: 'SustainabilityAssessed',
    data: { spiralId: SPIRAL_ID, assessedBy: 'ward manager', factors: {} },
  } as unknown as SpiralEvent,
  GainAchieved: gainAchieved,
  GainSustained: { type: 'GainSustained', data: { spiralId: SPIRAL_ID, rule: 'shift', periods: ['2005-04-01'] } },
  GainLost: { type: 'GainLost', data: { spiralId: SPIRAL_ID, rule: 'shift', periods: ['2005-05-01'] } },
  // The latest gain taken back and none left standing: from sustainability, back to change.
  GainWithdrawn: {
    type: 'GainWithdrawn',
    data: { spiralId: SPIRAL_ID, withdrawn: 'achieved', rule: 'shift', periods: ['2005-03-01'], undoneBy: 'MeasurementRecorded', undoingPeriod: '2005-02-01', standing: 'none' },
  },
  SpiralClosed: spiralClosed,
};

/** A history that brings the spiral to each step. */
const TO_STEP: Readonly<Record<SpiralStep, readonly SpiralEventType[]>> = {
  recognition: ['NeedRecognised'],
  knowing: ['NeedRecognised', 'KnowledgePulled'],
  decision: ['NeedRecognised', 'KnowledgePulled', 'OptionsAppraised'],
  change: ['NeedRecognised', 'OptionsAppraised', 'OptionAdopted'],
  sustainability: ['NeedRecognised', 'OptionsAppraised', 'OptionAdopted', 'MeasurementRecorded', 'GainAchieved'],
  closed: ['NeedRecognised', 'OptionsAppraised', 'SpiralClosed'],
};

/** The step each reader of the spiral's events arrives at: the decider's fold, the local views', the regional and national views'. */
function stepsAfter(types: readonly SpiralEventType[]): { decider: SpiralStep | undefined; localViews: SpiralStep; summaries: SpiralStep | undefined } {
  const envelopes = new EnvelopeBuilder();
  let state: SpiralState = initialSpiralState;
  let progress: SpiralProgress = newSpiralProgress;
  let summary: SpiralSummary | undefined;
  for (const type of types) {
    const envelope = envelopes.append(`spiral-${SPIRAL_ID}`, ONE_OF_EACH[type]);
    state = evolveSpiral(state, ONE_OF_EACH[type], envelope);
    progress = progressAfter(progress, ONE_OF_EACH[type], envelope.occurredAt);
    summary = foldSpiralEvent(summary, envelope);
  }
  return { decider: state.status === 'recognised' ? state.step : undefined, localViews: progress.step, summaries: summary?.step };
}

describe("the spiral's step after each event", () => {
  it.each(SPIRAL_STEPS)('a history reaches %s', (step) => {
    expect(stepsAfter(TO_STEP[step])).toEqual({ decider: step, localViews: step, summaries: step });
  });

  const cases = SPIRAL_STEPS.flatMap((step) => SPIRAL_EVENT_TYPES.map((type) => [step, type] as const));
  it.each(cases)('from %s, a %s leaves the decider and every view at the same step', (step, type) => {
    const expected = spiralStepAfter(step, ONE_OF_EACH[type]);
    expect(stepsAfter([...TO_STEP[step], type])).toEqual({ decider: expected, localViews: expected, summaries: expected });
  });

  it('knows every event type of the catalogue', () => {
    expect([...SPIRAL_EVENT_TYPES].sort()).toEqual(Object.keys(ONE_OF_EACH).sort());
  });
});
