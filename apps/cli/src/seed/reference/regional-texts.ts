import type { NetworkKind, SupportKind } from '@spiral/event-catalogue';
import type { MeasureKey } from './measure-library';

/** The networks and communities of practice a region may form, and whose teams they draw. */
export interface NetworkTopic {
  readonly suffix: string;
  readonly kind: NetworkKind;
  readonly purpose: string;
  readonly measures: readonly MeasureKey[];
}

export const NETWORK_TOPICS: readonly NetworkTopic[] = [
  {
    suffix: 'stroke network',
    kind: 'network',
    purpose: 'Brings stroke units, ambulance services and therapists together to speed thrombolysis and rehabilitation.',
    measures: ['doorToNeedle'],
  },
  {
    suffix: 'patient safety community of practice',
    kind: 'communityOfPractice',
    purpose: 'Ward teams share what they try on falls, pressure ulcers, infection and deteriorating patients, and their charts.',
    measures: ['earlyWarning', 'falls', 'pressureUlcers', 'sepsis', 'handHygiene', 'ventilatorPneumonia', 'medicinesReconciliation'],
  },
  {
    suffix: 'access and flow network',
    kind: 'network',
    purpose: 'Teams working on waits, discharges and cancellations compare flow data every month.',
    measures: ['fourHours', 'dischargeBeforeNoon', 'cancelledOperations', 'clinicNonAttendance', 'colorectalStay'],
  },
  {
    suffix: 'primary care collaborative',
    kind: 'network',
    purpose: 'General practices learn advanced access and demand management from each other.',
    measures: ['thirdAppointment', 'clinicNonAttendance'],
  },
];

export const REGIONAL_PRIORITY_RATIONALES: readonly string[] = [
  'Performance varies widely across our organisations; the board asks each of them to close the gap to the best.',
  'Patients and their families raised this most often with the SHA last year.',
  'The national target is close and several of our trusts are far from it.',
  'Our clinical networks named it as the change with the most benefit for patients.',
];

export const SUPPORT_DESCRIPTIONS: Readonly<Record<SupportKind, readonly string[]>> = {
  advice: ['An SHA improvement lead reviewed the team\'s measures and its first change ideas.', 'Advice on setting up monthly data collection and run charts.'],
  resources: ['Funding for two days a week of an information analyst for six months.', 'Backfill for staff to attend the regional improvement programme.'],
  facilitation: ['An SHA facilitator ran the team\'s process-mapping workshop.', 'Facilitation of a joint event with the ambulance service and social services.'],
  airCover: ['The SHA backed the team\'s decision to close a clinic for a month to clear the backlog.', 'The SHA agreed to relax a reporting requirement while the team tested a new pathway.'],
};

export const SPREAD_APPROACHES: readonly string[] = [
  'A facilitator visits each named trust; a learning event every quarter; monthly data shared across the trusts.',
  'Clinical champions from early adopters coach the named trusts; the SHA funds a part-time project manager in each.',
  'A breakthrough series collaborative: three learning sessions over a year with action periods in between.',
];
