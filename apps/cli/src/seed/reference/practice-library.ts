import type { EvidenceLevel, FieldTestVerdict, PracticeOrigin } from '@spiral/event-catalogue';
import type { MeasureKey } from './measure-library';

/**
 * What the national organisation does with a practice, in date order. The catalogue's story is a
 * script (dates fixed, so every seed tells it alike); sites, results and adoptions are drawn.
 */
export type PracticeAct =
  | { readonly act: 'publish'; readonly on: string; readonly evidenceLevel: EvidenceLevel; readonly summary: string }
  | { readonly act: 'revise'; readonly on: string; readonly evidenceLevel?: EvidenceLevel; readonly changes: string }
  | { readonly act: 'retire'; readonly on: string; readonly reason: string }
  | {
      readonly act: 'fieldTest';
      readonly on: string;
      readonly sites: number;
      readonly protocol: string;
      /** Months from the start to the sites' reports. */
      readonly months: number;
      readonly verdict: FieldTestVerdict;
      /** Standardised mean difference in the improvement direction's sign convention of the protocol. */
      readonly effectSize: number;
      readonly summary: string;
    };

export interface PracticeTemplate {
  /** Names the practice in idempotency keys; its id is derived from it. */
  readonly key: string;
  readonly title: string;
  readonly summary: string;
  readonly origin: PracticeOrigin;
  readonly originDetail: string;
  readonly measure: MeasureKey;
  readonly proposedOn: string;
  readonly acts: readonly PracticeAct[];
  /** How readily teams choose it, relative to the others on the same measure. */
  readonly appeal: number;
  /** Its spread as a logistic curve: months from publication to half of its adopters, and the spread's scale. */
  readonly midpointMonths: number;
  readonly scaleMonths: number;
}

const practice = (template: PracticeTemplate) => template;

/** Fourteen proposals, eleven published, two revised, one retired, four field-tested. Synthetic history. */
export const PRACTICES: readonly PracticeTemplate[] = [
  practice({
    key: 'advanced-access', title: 'Advanced access in general practice', measure: 'thirdAppointment', appeal: 3, midpointMonths: 12, scaleMonths: 5,
    summary: 'Match daily capacity to demand, clear the backlog once, and offer patients a GP appointment today or within 48 hours.',
    origin: 'otherHealthSystem', originDetail: 'Advanced access as described by Murray and Tantau in US primary care.',
    proposedOn: '2002-04-23',
    acts: [{ act: 'publish', on: '2002-07-09', evidenceLevel: 'observational', summary: 'Practices that cleared their backlog kept waits under 48 hours.' }],
  }),
  practice({
    key: 'see-and-treat', title: 'See and treat in emergency departments', measure: 'fourHours', appeal: 3, midpointMonths: 10, scaleMonths: 4,
    summary: 'A senior clinician sees minor cases on arrival and treats and discharges them without a separate triage queue.',
    origin: 'nhsTeam', originDetail: 'Emergency departments that split minor cases from the main queue.',
    proposedOn: '2002-05-07',
    acts: [{ act: 'publish', on: '2002-10-15', evidenceLevel: 'observational', summary: 'Waits for minor injuries fell sharply where a senior clinician saw them first.' }],
  }),
  practice({
    key: 'early-warning-score', title: 'Early warning score for deteriorating patients', measure: 'earlyWarning', appeal: 3, midpointMonths: 18, scaleMonths: 5,
    summary: 'Score routine observations on every adult inpatient and call for help at set thresholds.',
    origin: 'research', originDetail: 'Modified early warning scores studied in UK acute medical admissions.',
    proposedOn: '2002-05-14',
    acts: [
      { act: 'publish', on: '2002-09-10', evidenceLevel: 'observational', summary: 'Wards using a score called for help earlier for deteriorating patients.' },
      { act: 'revise', on: '2004-03-16', changes: 'One observation chart and one escalation protocol for every adult ward; thresholds aligned.' },
    ],
  }),
  practice({
    key: 'discharge-before-noon', title: 'Discharge before noon', measure: 'dischargeBeforeNoon', appeal: 2.5, midpointMonths: 16, scaleMonths: 6,
    summary: 'Plan each discharge the day before: medicines, transport and letters ready, so the bed is free by midday.',
    origin: 'nhsTeam', originDetail: 'Elderly care wards that planned discharges a day ahead.',
    proposedOn: '2002-06-03',
    acts: [{ act: 'publish', on: '2003-01-21', evidenceLevel: 'anecdotal', summary: 'Wards report earlier discharges and fewer trolley waits.' }],
  }),
  practice({
    key: 'enhanced-recovery', title: 'Enhanced recovery after surgery', measure: 'colorectalStay', appeal: 2, midpointMonths: 20, scaleMonths: 6,
    summary: 'Pre-operative education, no prolonged fasting, minimal drains, early feeding and early mobilisation after elective surgery.',
    origin: 'otherHealthSystem', originDetail: 'Fast-track colonic surgery programmes in Denmark.',
    proposedOn: '2002-07-02',
    acts: [
      {
        act: 'fieldTest', on: '2002-11-05', sites: 4, months: 7, verdict: 'effective', effectSize: -1.1,
        protocol: 'Length of stay after elective colorectal resection, six months before against six months after, at each site.',
        summary: 'Stays fell by three to four days at every site with no rise in readmissions.',
      },
      { act: 'publish', on: '2003-09-09', evidenceLevel: 'fieldTested', summary: 'Field-tested at four sites: stays three to four days shorter.' },
      { act: 'revise', on: '2005-05-10', evidenceLevel: 'systematicReview', changes: 'Adds pre-operative carbohydrate loading and the evidence of the first systematic reviews.' },
    ],
  }),
  practice({
    key: 'falls-risk-bundle', title: 'Falls risk bundle', measure: 'falls', appeal: 3, midpointMonths: 18, scaleMonths: 5,
    summary: 'Assess every older inpatient for falls risk on admission and act on each risk found: medicines, eyesight, continence, footwear, bed height.',
    origin: 'research', originDetail: 'Multifactorial falls prevention trials on older people\'s wards.',
    proposedOn: '2002-09-17',
    acts: [{ act: 'publish', on: '2003-03-04', evidenceLevel: 'trialEvidence', summary: 'Targeted risk reduction cut falls on older people\'s wards.' }],
  }),
  practice({
    key: 'telephone-preassessment', title: 'Telephone pre-operative assessment', measure: 'cancelledOperations', appeal: 1.5, midpointMonths: 14, scaleMonths: 6,
    summary: 'Nurses assess fit day-surgery patients by telephone a week ahead and confirm they will attend.',
    origin: 'nhsTeam', originDetail: 'Day surgery units that assessed fit patients by telephone.',
    proposedOn: '2002-10-08',
    acts: [
      { act: 'publish', on: '2003-02-18', evidenceLevel: 'anecdotal', summary: 'Units report fewer cancellations on the day.' },
      { act: 'retire', on: '2005-09-13', reason: 'Superseded by nurse-led pre-assessment clinics, which have stronger evidence for the same aim.' },
    ],
  }),
  practice({
    key: 'stroke-door-to-needle', title: 'Stroke thrombolysis door-to-needle pathway', measure: 'doorToNeedle', appeal: 2, midpointMonths: 14, scaleMonths: 4,
    summary: 'Ambulance pre-alert, direct transfer to the scanner and thrombolysis in the scanning room.',
    origin: 'otherHealthSystem', originDetail: 'A Nordic university hospital\'s pre-notified thrombolysis pathway.',
    proposedOn: '2003-02-11',
    acts: [
      {
        act: 'fieldTest', on: '2003-04-08', sites: 3, months: 6, verdict: 'effective', effectSize: -0.9,
        protocol: 'Median door-to-needle time over six months against the previous six, at each site.',
        summary: 'Median times fell by about half an hour at every site.',
      },
      { act: 'publish', on: '2004-01-13', evidenceLevel: 'fieldTested', summary: 'Field-tested at three sites: median door-to-needle time down by half an hour.' },
    ],
  }),
  practice({
    key: 'medicines-reconciliation', title: 'Pharmacist medicines reconciliation on admission', measure: 'medicinesReconciliation', appeal: 2, midpointMonths: 18, scaleMonths: 6,
    summary: 'A pharmacist or technician takes a full drug history from two sources within 24 hours of admission.',
    origin: 'nhsTeam', originDetail: 'Hospital pharmacy teams working on admission wards.',
    proposedOn: '2003-03-18',
    acts: [{ act: 'publish', on: '2003-07-15', evidenceLevel: 'observational', summary: 'Fewer unintended discrepancies where pharmacy reconciled on admission.' }],
  }),
  practice({
    key: 'ventilator-bundle', title: 'Ventilator care bundle', measure: 'ventilatorPneumonia', appeal: 1.5, midpointMonths: 12, scaleMonths: 4,
    summary: 'Head of bed raised, daily sedation hold, ulcer and thrombosis prophylaxis for every ventilated patient, checked daily.',
    origin: 'otherHealthSystem', originDetail: 'The ventilator bundle of the Institute for Healthcare Improvement (USA).',
    proposedOn: '2004-02-10',
    acts: [{ act: 'publish', on: '2004-06-22', evidenceLevel: 'observational', summary: 'Units with high bundle compliance saw less ventilator-associated pneumonia.' }],
  }),
  practice({
    key: 'hand-hygiene-feedback', title: 'Hand hygiene audit and feedback', measure: 'handHygiene', appeal: 2.5, midpointMonths: 10, scaleMonths: 4,
    summary: 'Observe hand hygiene on the ward every month and feed the results back to the staff who were observed.',
    origin: 'research', originDetail: 'A hospital-wide hand hygiene campaign with audit and feedback in Geneva.',
    proposedOn: '2004-03-09',
    acts: [{ act: 'publish', on: '2004-09-14', evidenceLevel: 'observational', summary: 'Compliance rose where wards saw their own results each month.' }],
  }),
  practice({
    key: 'reminder-letters', title: 'Reminder letters before outpatient clinics', measure: 'clinicNonAttendance', appeal: 1, midpointMonths: 12, scaleMonths: 4,
    summary: 'Post a reminder two weeks before each first outpatient appointment.',
    origin: 'nhsTeam', originDetail: 'An outpatient department in a teaching hospital.',
    proposedOn: '2004-03-30',
    acts: [
      {
        act: 'fieldTest', on: '2004-05-11', sites: 3, months: 6, verdict: 'ineffective', effectSize: -0.05,
        protocol: 'Share of first outpatient appointments not attended, six months against the previous six, at each site.',
        summary: 'No site saw a change beyond its usual variation; not published.',
      },
    ],
  }),
  practice({
    key: 'sepsis-six', title: 'Sepsis six', measure: 'sepsis', appeal: 2.5, midpointMonths: 8, scaleMonths: 3,
    summary: 'Six tasks within the first hour of suspected sepsis: oxygen, cultures, antibiotics, fluids, lactate, urine output.',
    origin: 'research', originDetail: 'International sepsis guidelines of 2004, reduced to six tasks for the first hour.',
    proposedOn: '2004-11-09',
    acts: [
      {
        act: 'fieldTest', on: '2005-01-11', sites: 4, months: 5, verdict: 'inconclusive', effectSize: 0.2,
        protocol: 'Share of patients with suspected sepsis given all six within one hour, five months against the previous five.',
        summary: 'Two sites improved, two did not; too few patients to judge.',
      },
      { act: 'publish', on: '2005-10-04', evidenceLevel: 'observational', summary: 'Published on observational evidence while a larger test is planned.' },
    ],
  }),
  practice({
    key: 'skin-bundle', title: 'SKIN bundle for pressure ulcer prevention', measure: 'pressureUlcers', appeal: 1, midpointMonths: 12, scaleMonths: 4,
    summary: 'Check Surface, Keep moving, Incontinence and Nutrition at every round for patients at risk.',
    origin: 'nhsTeam', originDetail: 'Wards that checked four things at every intentional round.',
    proposedOn: '2005-11-15',
    acts: [],
  }),
];
