import {
  GainAchieved,
  KnowledgePulled,
  MeasurementRecorded,
  NeedRecognised,
  OptionAdopted,
  OptionsAppraised,
  SpiralClosed,
  type SpiralEvent,
} from '@spiral/event-catalogue';
import type { AdoptOption, RecogniseNeed } from './spiral.commands';

/** Shared facts for the spiral decider specs: one stroke team of RX1 in region Q01. */
export const SPIRAL_ID = 'spiral-1';
export const team = { teamId: 'team-1', orgCode: 'RX1', shaCode: 'Q01' } as const;

export const recogniseNeed: RecogniseNeed = {
  type: 'RecogniseNeed',
  spiralId: SPIRAL_ID,
  teamId: 'team-1',
  team,
  title: 'Door-to-needle time',
  measure: { name: 'Median door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  baseline: 72,
  target: 60,
  trigger: { kind: 'nationalPriority', ref: 'np-stroke' },
  gap: 'Half our thrombolysed patients wait over an hour.',
};

export const needRecognised = NeedRecognised.create({
  spiralId: SPIRAL_ID,
  teamId: 'team-1',
  orgCode: 'RX1',
  shaCode: 'Q01',
  title: 'Door-to-needle time',
  measure: { name: 'Median door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  baseline: 72,
  target: 60,
  trigger: { kind: 'nationalPriority', ref: 'np-stroke' },
  gap: 'Half our thrombolysed patients wait over an hour.',
});

export const knowledgePulled = KnowledgePulled.create({
  spiralId: SPIRAL_ID,
  practiceIds: ['practice-1'],
  peerSpiralIds: ['spiral-9'],
  sources: ['Helsinki model, Neurology 2012'],
  question: 'How do others bring the time down?',
});

export const optionsAppraised = OptionsAppraised.create({
  spiralId: SPIRAL_ID,
  options: [
    { optionId: 'opt-1', summary: 'Pre-alert from ambulance', practiceId: 'practice-1' },
    { optionId: 'opt-2', summary: 'Scanner kept free on call' },
  ],
});

export const adoptOption: AdoptOption = {
  type: 'AdoptOption',
  spiralId: SPIRAL_ID,
  optionId: 'opt-1',
  practice: { practiceId: 'practice-1', status: 'published', version: 3 },
  rationale: 'Best evidence, fits our pathway.',
  decidedBy: ['stroke consultant', 'ward manager'],
  stakeholders: ['ambulance trust', 'radiology'],
  patientPerspective: 'Stroke survivors group asked for faster treatment.',
};

export const optionAdopted = OptionAdopted.create({
  spiralId: SPIRAL_ID,
  optionId: 'opt-1',
  practiceId: 'practice-1',
  practiceVersion: 3,
  rationale: 'Best evidence, fits our pathway.',
  decidedBy: ['stroke consultant', 'ward manager'],
  stakeholders: ['ambulance trust', 'radiology'],
  patientPerspective: 'Stroke survivors group asked for faster treatment.',
});

export const measured = (period: string, value: number) =>
  MeasurementRecorded.create({ spiralId: SPIRAL_ID, period, value });

export const gainAchieved = GainAchieved.create({ spiralId: SPIRAL_ID, rule: 'shift', periods: ['2005-03-01'] });

export const spiralClosed = SpiralClosed.create({ spiralId: SPIRAL_ID, outcome: 'abandoned', learning: 'Wrong problem.' });

/** The stream of a spiral at each step, for given(...). */
export const history = {
  recognition: [needRecognised],
  knowing: [needRecognised, knowledgePulled],
  decision: [needRecognised, knowledgePulled, optionsAppraised],
  change: [needRecognised, knowledgePulled, optionsAppraised, optionAdopted],
  measured: [needRecognised, knowledgePulled, optionsAppraised, optionAdopted, measured('2005-03-01', 50)],
  sustainability: [
    needRecognised,
    knowledgePulled,
    optionsAppraised,
    optionAdopted,
    measured('2005-03-01', 50),
    gainAchieved,
  ],
  closed: [needRecognised, spiralClosed],
} satisfies Record<string, SpiralEvent[]>;
