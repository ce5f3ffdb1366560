import {
  ChangeCycleCompleted,
  ChangeSupportSecured,
  GainAchieved,
  GainLost,
  GainSustained,
  KnowledgePulled,
  MeasurementRecorded,
  MemberCapabilityRecorded,
  NeedRecognised,
  OptionAdopted,
  OptionsAppraised,
  RebaseConfirmed,
  SpiralClosed,
  streamIds,
  SustainabilityAssessed,
  TeamRegistered,
  TeamSupportReceived,
  type EventEnvelope,
  type SustainabilityFactor,
  type SustainabilityLevel,
} from '@spiral/event-catalogue';
import { EnvelopeBuilder } from '@spiral/projections/testing';

/**
 * A small local history for the projection specs: two teams of RX1 and one of RY9; spiral-1 of
 * team-1 achieves and sustains a gain on its chart, spiral-2 closes early, spiral-3 is deciding,
 * spiral-4 of RY9 achieves and then loses its gain. Streams interleave, as the feed delivers them.
 */
export const BASELINE = [50, 52, 48, 51, 49, 50, 52, 48, 51, 49, 50, 50];
/** After adoption: a shift up (achieved), then twelve more points above the mean (sustained). */
export const AFTER_ADOPTION = [51, 52, 51, 52, 51, 52, 51, 52, 51, 52, 51, 52, 51, 52, 51, 52, 51, 52, 51];
export const ADOPTED_AT = '2004-12-15T09:00:00.000Z';

export const monthOf = (index: number): string => new Date(Date.UTC(2004, index, 1)).toISOString().slice(0, 10);
const periods = (from: number, count: number): string[] => Array.from({ length: count }, (_, k) => monthOf(from + k));

const allFactors = (level: SustainabilityLevel): Record<SustainabilityFactor, SustainabilityLevel> => ({
  ...{ benefitsBeyondHelpingPatients: level, credibilityOfEvidence: level, adaptability: level, effectivenessOfMonitoring: level },
  ...{ staffInvolvementAndTraining: level, staffBehaviours: level, seniorLeadership: level, clinicalLeadership: level },
  ...{ fitWithGoalsAndCulture: level, infrastructureForSustainability: level },
});

function need(spiralId: string, teamId: string, orgCode: string, shaCode: string) {
  return NeedRecognised.create({
    spiralId,
    teamId,
    orgCode,
    shaCode,
    title: `Improvement ${spiralId}`,
    measure: { name: 'Patients seen within the hour', unit: 'percent', improvement: 'increase' },
    baseline: 50,
    target: 55,
    trigger: { kind: 'localAnalysis' },
    gap: 'Too few patients are seen within the hour.',
  });
}

const adopted = (spiralId: string) =>
  OptionAdopted.create({ spiralId, optionId: 'opt-1', rationale: 'Best fit.', decidedBy: ['ward manager'], stakeholders: [], patientPerspective: 'Asked for it.' });
const measured = (spiralId: string, period: string, value: number) => MeasurementRecorded.create({ spiralId, period, value });

export function localHistory(): EventEnvelope[] {
  const b = new EnvelopeBuilder();
  const team = (teamId: string) => streamIds.team(teamId);
  const spiral = (spiralId: string) => streamIds.spiral(spiralId);
  const at = (date: string) => ({ occurredAt: `${date}T09:00:00.000Z` });
  const knowledge = (spiralId: string) => KnowledgePulled.create({ spiralId, practiceIds: [], peerSpiralIds: [], sources: ['a guideline'], question: 'How?' });
  const events = [
    b.append(team('team-1'), TeamRegistered.create({ teamId: 'team-1', name: 'Stroke unit', orgCode: 'RX1', shaCode: 'Q01', specialty: 'stroke' })),
    b.append(team('team-2'), TeamRegistered.create({ teamId: 'team-2', name: 'Diabetes clinic', orgCode: 'RX1', shaCode: 'Q01' })),
    b.append(team('team-3'), TeamRegistered.create({ teamId: 'team-3', name: 'Renal unit', orgCode: 'RY9', shaCode: 'Q02' })),
    b.append(spiral('spiral-1'), need('spiral-1', 'team-1', 'RX1', 'Q01')),
    b.append(spiral('spiral-2'), need('spiral-2', 'team-1', 'RX1', 'Q01')),
    b.append(team('team-1'), MemberCapabilityRecorded.create({ teamId: 'team-1', memberRole: 'staff nurse', capability: 'PDSA cycles', level: 'awareness' })),
    b.append(spiral('spiral-1'), knowledge('spiral-1')),
    b.append(spiral('spiral-3'), need('spiral-3', 'team-2', 'RX1', 'Q01')),
    b.append(spiral('spiral-4'), need('spiral-4', 'team-3', 'RY9', 'Q02')),
    b.append(spiral('spiral-1'), OptionsAppraised.create({ spiralId: 'spiral-1', options: [{ optionId: 'opt-1', summary: 'Nurse-led triage' }] })),
    b.append(spiral('spiral-2'), knowledge('spiral-2')),
    b.append(spiral('spiral-3'), knowledge('spiral-3')),
    b.append(spiral('spiral-3'), OptionsAppraised.create({ spiralId: 'spiral-3', options: [{ optionId: 'opt-1', summary: 'Group clinics' }] })),
    b.append(spiral('spiral-2'), SpiralClosed.create({ spiralId: 'spiral-2', outcome: 'abandoned', learning: 'Wrong problem.' })),
    ...periods(0, 12).map((period, k) => b.append(spiral('spiral-1'), measured('spiral-1', period, BASELINE[k]!))),
    ...periods(0, 12).map((period, k) => b.append(spiral('spiral-4'), measured('spiral-4', period, BASELINE[k]!))),
    b.append(spiral('spiral-1'), adopted('spiral-1'), { occurredAt: ADOPTED_AT }),
    b.append(spiral('spiral-4'), adopted('spiral-4'), { occurredAt: ADOPTED_AT }),
    b.append(team('team-1'), TeamSupportReceived.create({ teamId: 'team-1', fromShaCode: 'Q01', kind: 'facilitation', description: 'A facilitator for our PDSA cycles.' })),
    b.append(spiral('spiral-1'), ChangeSupportSecured.create({ spiralId: 'spiral-1', resources: ['two days'], improvementTeam: [{ role: 'nurse', skills: ['PDSA'] }], sponsor: 'Director of Nursing' })),
    ...[1, 2].map((cycleNumber) =>
      b.append(spiral('spiral-1'), ChangeCycleCompleted.create({ spiralId: 'spiral-1', cycleNumber, plan: 'p', prediction: 'p', observed: 'o', learning: 'l', decision: cycleNumber === 1 ? 'adapt' : 'adopt' })),
    ),
    ...periods(12, 19).map((period, k) => b.append(spiral('spiral-1'), measured('spiral-1', period, AFTER_ADOPTION[k]!))),
    ...periods(12, 14).map((period, k) => b.append(spiral('spiral-4'), measured('spiral-4', period, k < 7 ? AFTER_ADOPTION[k]! : 48.5))),
    b.append(spiral('spiral-1'), GainAchieved.create({ spiralId: 'spiral-1', rule: 'shift', periods: periods(12, 7) })),
    b.append(spiral('spiral-4'), GainAchieved.create({ spiralId: 'spiral-4', rule: 'shift', periods: periods(12, 7) })),
    b.append(spiral('spiral-1'), GainSustained.create({ spiralId: 'spiral-1', rule: 'sustained12', periods: periods(19, 12) })),
    b.append(spiral('spiral-4'), GainLost.create({ spiralId: 'spiral-4', rule: 'shift', periods: periods(19, 7) })),
    b.append(team('team-1'), MemberCapabilityRecorded.create({ teamId: 'team-1', memberRole: 'staff nurse', capability: 'PDSA cycles', level: 'practitioner' })),
    b.append(spiral('spiral-1'), SustainabilityAssessed.create({ spiralId: 'spiral-1', assessedBy: 'ward sister', factors: allFactors('a') }), at('2006-08-01')),
    b.append(spiral('spiral-1'), SustainabilityAssessed.create({ spiralId: 'spiral-1', assessedBy: 'consultant', factors: allFactors('c') }), at('2006-08-01')),
    b.append(spiral('spiral-1'), SustainabilityAssessed.create({ spiralId: 'spiral-1', assessedBy: 'matron', factors: { seniorLeadership: 'a' } }), at('2006-08-01')),
    b.append(spiral('spiral-1'), SustainabilityAssessed.create({ spiralId: 'spiral-1', assessedBy: 'ward sister', factors: allFactors('b') }), at('2006-11-01')),
    b.append(spiral('spiral-1'), RebaseConfirmed.create({ spiralId: 'spiral-1', fromPeriod: monthOf(12), reason: 'The new process started in January.' })),
  ];
  return events;
}
