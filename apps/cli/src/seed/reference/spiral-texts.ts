import type { CycleDecision, SpiralOutcome, TriggerKind } from '@spiral/event-catalogue';
import type { ChangePattern } from '../measurement-series';

/** Words for the seeded spirals. Roles only, never names; nothing about any patient. */

export const OUTSIDE_SOURCES = [
  'Modernisation Agency improvement guide',
  'A site visit to a team that had made the change',
  'A literature search by the trust library',
  'The regional network\'s last learning event',
  'National Service Framework guidance',
  'Conference presentation by an early adopter',
] as const;

export const TRIGGER_REFERENCES: Readonly<Record<Exclude<TriggerKind, 'regionalPriority' | 'nationalPriority' | 'innovation'>, (year: number) => string>> = {
  localAnalysis: (year) => `Clinical audit ${year}`,
  patientVoice: (year) => `Complaints and PALS contacts ${year}`,
  staffVoice: (year) => `Staff survey ${year}`,
};

/** Alternatives a team weighs beside catalogue practices. */
export const LOCAL_OPTIONS = [
  { optionId: 'local-redesign', summary: 'Our own redesign of the pathway, mapped with front-line staff and tested in small cycles.' },
  { optionId: 'audit-feedback', summary: 'Weekly audit of the measure, fed back to the whole team at handover.' },
  { optionId: 'extra-capacity', summary: 'Ask for extra staff and keep the current process.' },
] as const;

export const DECIDERS = [
  ['ward manager', 'consultant'],
  ['clinical lead', 'service manager'],
  ['matron', 'consultant', 'ward manager'],
  ['GP partner', 'practice manager'],
  ['team leader', 'clinical governance lead'],
] as const;

export const STAKEHOLDERS = ['patients\' forum', 'ambulance trust', 'social services', 'pharmacy', 'bed management', 'trust board', 'junior doctors', 'PCT commissioners'] as const;

export const PATIENT_PERSPECTIVES = [
  'Patients on the ward told us the waiting was the worst part of their stay.',
  'The patients\' forum supported the change and asked to see the results.',
  'Carers asked to be told earlier what would happen next.',
  'Patients want the same standard of care at night and at weekends.',
] as const;

export const ADAPTATIONS = [
  'Started on weekdays only, then extended to weekends.',
  'Used our existing paper chart instead of a new form.',
  'Nurses rather than doctors lead it on our unit.',
  'Combined with our daily board round.',
] as const;

export const RESOURCES = [
  'Two protected half-days a month for the improvement team',
  'Information analyst support for monthly run charts',
  'Training places on the regional improvement programme',
  'Funding for printed prompts and pocket cards',
  'Backfill for a staff nurse one day a week',
] as const;

export function cycleText(measureName: string, pattern: ChangePattern, cycle: number, last: boolean): { plan: string; prediction: string; observed: string; learning: string; decision: CycleDecision } {
  const scope = cycle === 1 ? 'one shift a day for two weeks' : cycle === 2 ? 'every weekday shift for a month' : 'every shift, seven days a week';
  const observed: Readonly<Record<ChangePattern, string>> = {
    improve: 'The measure moved the way we hoped within weeks.',
    noChange: 'No change we could tell from the usual variation.',
    driftBack: 'A clear improvement at first; harder to keep up when the champions were away.',
  };
  const decision: CycleDecision = !last ? 'adapt' : pattern === 'noChange' ? 'abandon' : 'adopt';
  return {
    plan: `Test the change on ${scope}.`,
    prediction: `${measureName} improves within a month.`,
    observed: observed[pattern],
    learning: cycle === 1 ? 'Staff need a simple prompt at the bedside.' : 'It holds when it is part of the routine, not an extra task.',
    decision,
  };
}

/** Why a spiral that never adopted anything was closed. */
export const STALLED_LEARNING = 'We could not find the time or the support to take this forward; closed so the team can focus elsewhere.';

export const ASSESSORS = ['improvement team', 'ward sisters', 'clinical governance group', 'practice team meeting'] as const;

export const CLOSING_LEARNING: Readonly<Record<Exclude<SpiralOutcome, 'sustained'>, string>> = {
  notSustained: 'The gain slipped when the champions moved on; next time we build it into job plans and induction.',
  abandoned: 'The change did not move the measure here; we return to the question with what we learned.',
  superseded: 'The change is part of how we work now; a new turn aims higher on the same measure.',
};
