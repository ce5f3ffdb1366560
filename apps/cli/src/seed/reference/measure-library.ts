import type { Measure } from '@spiral/event-catalogue';

/**
 * The measures seeded spirals, priorities and practices name. Ranges are plausible for English
 * hospitals and practices of 2002–2006, not figures of any real one: the series are synthetic.
 */
export const MEASURE_KEYS = [
  'earlyWarning',
  'dischargeBeforeNoon',
  'colorectalStay',
  'falls',
  'sepsis',
  'doorToNeedle',
  'medicinesReconciliation',
  'thirdAppointment',
  'fourHours',
  'cancelledOperations',
  'ventilatorPneumonia',
  'pressureUlcers',
  'handHygiene',
  'clinicNonAttendance',
] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export interface MeasureTemplate {
  readonly key: MeasureKey;
  readonly measure: Measure;
  /** Where a team's level usually sits before it changes anything, and the target it sets. */
  readonly baseline: readonly [number, number];
  readonly target: readonly [number, number];
  /** What the measure can take (a percentage stays within 0..100, a count or time above 0). */
  readonly bounds: readonly [number, number];
  readonly decimals: number;
  /** A spiral's title on this measure. */
  readonly title: string;
}

const percent = (name: string, improvement: Measure['improvement']): Measure => ({ name, unit: '%', improvement });

const template = (key: MeasureKey, measure: Measure, rest: Omit<MeasureTemplate, 'key' | 'measure'>): MeasureTemplate => ({ key, measure, ...rest });

export const MEASURES: Readonly<Record<MeasureKey, MeasureTemplate>> = {
  earlyWarning: template('earlyWarning', percent('Deteriorating patients escalated within 30 minutes', 'increase'), {
    baseline: [35, 55], target: [80, 90], bounds: [0, 100], decimals: 1, title: 'Escalate deteriorating patients sooner',
  }),
  dischargeBeforeNoon: template('dischargeBeforeNoon', percent('Discharges before noon', 'increase'), {
    baseline: [10, 20], target: [33, 40], bounds: [0, 100], decimals: 1, title: 'Discharge more patients before noon',
  }),
  colorectalStay: template('colorectalStay', { name: 'Length of stay after elective colorectal surgery', unit: 'days', improvement: 'decrease' }, {
    baseline: [9.5, 13], target: [5.5, 7], bounds: [2, 40], decimals: 1, title: 'Shorter stays after bowel surgery',
  }),
  falls: template('falls', { name: 'Inpatient falls per 1,000 occupied bed days', unit: 'falls per 1,000 bed days', improvement: 'decrease' }, {
    baseline: [6, 9], target: [3.5, 4.5], bounds: [0, 30], decimals: 2, title: 'Fewer falls on the ward',
  }),
  sepsis: template('sepsis', percent('Sepsis six delivered within one hour', 'increase'), {
    baseline: [15, 35], target: [75, 90], bounds: [0, 100], decimals: 1, title: 'Treat sepsis within the hour',
  }),
  doorToNeedle: template('doorToNeedle', { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' }, {
    baseline: [70, 95], target: [40, 50], bounds: [15, 240], decimals: 0, title: 'Faster thrombolysis',
  }),
  medicinesReconciliation: template('medicinesReconciliation', percent('Medicines reconciled within 24 hours of admission', 'increase'), {
    baseline: [30, 50], target: [85, 95], bounds: [0, 100], decimals: 1, title: 'Reconcile medicines on admission',
  }),
  thirdAppointment: template('thirdAppointment', { name: 'Days to third next available GP appointment', unit: 'days', improvement: 'decrease' }, {
    baseline: [4, 7], target: [1.5, 2.5], bounds: [0, 30], decimals: 1, title: 'See a GP within 48 hours',
  }),
  fourHours: template('fourHours', percent('A&E attendances completed within four hours', 'increase'), {
    baseline: [78, 88], target: [96, 98], bounds: [0, 100], decimals: 1, title: 'Four hours in A&E',
  }),
  cancelledOperations: template('cancelledOperations', percent('Elective operations cancelled on the day', 'decrease'), {
    baseline: [5, 9], target: [1.5, 2.5], bounds: [0, 100], decimals: 1, title: 'Fewer operations cancelled on the day',
  }),
  ventilatorPneumonia: template('ventilatorPneumonia', { name: 'Ventilator-associated pneumonia per 1,000 ventilator days', unit: 'cases per 1,000 ventilator days', improvement: 'decrease' }, {
    baseline: [14, 24], target: [5, 8], bounds: [0, 80], decimals: 1, title: 'Prevent ventilator-associated pneumonia',
  }),
  pressureUlcers: template('pressureUlcers', { name: 'Hospital-acquired pressure ulcers per 1,000 bed days', unit: 'ulcers per 1,000 bed days', improvement: 'decrease' }, {
    baseline: [2.8, 4.5], target: [1, 1.6], bounds: [0, 20], decimals: 2, title: 'Stop avoidable pressure ulcers',
  }),
  handHygiene: template('handHygiene', percent('Hand hygiene compliance', 'increase'), {
    baseline: [45, 65], target: [90, 95], bounds: [0, 100], decimals: 1, title: 'Clean hands every time',
  }),
  clinicNonAttendance: template('clinicNonAttendance', percent('Outpatient appointments not attended', 'decrease'), {
    baseline: [10, 15], target: [5, 7], bounds: [0, 100], decimals: 1, title: 'Fewer missed clinic appointments',
  }),
};
