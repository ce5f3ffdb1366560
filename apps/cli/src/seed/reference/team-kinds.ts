import type { MeasureKey } from './measure-library';

/** An acute trust runs hospitals; a primary care trust runs general practice and community services. */
export type OrganisationKind = 'acute' | 'primaryCare';

/** A kind of clinical team, and the measures such a team would choose to improve. */
export interface TeamKind {
  readonly unit: string;
  readonly specialty: string;
  readonly measures: readonly MeasureKey[];
}

const kind = (unit: string, specialty: string, measures: readonly MeasureKey[]): TeamKind => ({ unit, specialty, measures });

export const TEAM_KINDS: Readonly<Record<OrganisationKind, readonly TeamKind[]>> = {
  acute: [
    kind('Emergency department', 'emergency medicine', ['fourHours', 'sepsis', 'handHygiene']),
    kind('Acute medical unit', 'acute medicine', ['earlyWarning', 'sepsis', 'medicinesReconciliation', 'dischargeBeforeNoon']),
    kind('Stroke unit', 'stroke medicine', ['doorToNeedle', 'falls', 'dischargeBeforeNoon']),
    kind('Elderly care ward', 'geriatric medicine', ['falls', 'pressureUlcers', 'dischargeBeforeNoon', 'medicinesReconciliation']),
    kind('Colorectal surgery ward', 'general surgery', ['colorectalStay', 'earlyWarning', 'handHygiene']),
    kind('Orthopaedic ward', 'trauma and orthopaedics', ['falls', 'pressureUlcers', 'dischargeBeforeNoon']),
    kind('Critical care unit', 'critical care', ['ventilatorPneumonia', 'handHygiene', 'earlyWarning']),
    kind('Day surgery unit', 'anaesthetics', ['cancelledOperations', 'handHygiene']),
    kind('Outpatient department', 'outpatients', ['clinicNonAttendance', 'handHygiene']),
    kind('Pharmacy team', 'pharmacy', ['medicinesReconciliation']),
  ],
  primaryCare: [
    kind('General practice', 'general practice', ['thirdAppointment', 'medicinesReconciliation']),
    kind('General practice', 'general practice', ['thirdAppointment', 'clinicNonAttendance']),
    kind('District nursing team', 'community nursing', ['pressureUlcers', 'falls', 'handHygiene']),
    kind('Community hospital ward', 'intermediate care', ['falls', 'pressureUlcers', 'dischargeBeforeNoon']),
  ],
};

/** Roles that take part in improvement work; people are named by role, never by name. */
export const MEMBER_ROLES = [
  'ward manager',
  'staff nurse',
  'consultant',
  'specialist registrar',
  'physiotherapist',
  'pharmacist',
  'information analyst',
  'practice manager',
  'GP partner',
  'healthcare assistant',
] as const;

export const CAPABILITIES = [
  'PDSA cycles',
  'SPC charts',
  'process mapping',
  'measurement for improvement',
  'demand and capacity',
  'leading change',
  'patient involvement',
] as const;

export const SPONSORS = ['Director of Nursing', 'Medical Director', 'Chief Operating Officer', 'Clinical Governance Lead', 'PCT Chief Executive'] as const;
