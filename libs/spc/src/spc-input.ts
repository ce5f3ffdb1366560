import type { Improvement, MeasurePoint, XmrChartInput } from './spc-types';

const IMPROVEMENTS: readonly Improvement[] = ['increase', 'decrease', 'neutral'];

export type SpcInputProblem =
  | 'invalid_period'
  | 'non_finite_value'
  | 'duplicate_period'
  | 'invalid_adopted_at'
  | 'invalid_rebase'
  | 'non_finite_target'
  | 'invalid_improvement';

/**
 * Input a chart cannot be drawn from. Refused rather than repaired: a silently dropped point or a
 * NaN mean would make every limit, signal and gain after it wrong without anyone noticing.
 */
export class SpcInputError extends Error {
  constructor(
    readonly code: SpcInputProblem,
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'SpcInputError';
  }
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2023-02-30 is refused). */
export function isCalendarDate(text: string): boolean {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The calendar date of the adoption as written (its date part for a date-time): a period counts
 * as after adoption when it is later than this date, so a period dated on the adoption day is before.
 */
export function adoptionDate(adoptedAt: string): string {
  const dateTime = DATE_TIME.exec(adoptedAt);
  const date = dateTime ? dateTime[1]! : adoptedAt;
  if (!isCalendarDate(date) || (dateTime && Number.isNaN(Date.parse(adoptedAt)))) {
    throw new SpcInputError('invalid_adopted_at', 'adoptedAt', `"${adoptedAt}" is not an ISO date or date-time`);
  }
  return date;
}

/**
 * Checks the input and returns its points ordered by period (periods are YYYY-MM-DD, so text order
 * is time order). Sorting here keeps the result a function of the set of points, whatever order
 * a projection gathered them in.
 */
export function validPoints(points: readonly MeasurePoint[]): MeasurePoint[] {
  const seen = new Set<string>();
  points.forEach((point, index) => {
    if (typeof point.period !== 'string' || !isCalendarDate(point.period)) {
      throw new SpcInputError('invalid_period', `points[${index}].period`, 'must be a real date written YYYY-MM-DD');
    }
    if (typeof point.value !== 'number' || !Number.isFinite(point.value)) {
      throw new SpcInputError('non_finite_value', `points[${index}].value`, 'must be a finite number');
    }
    if (seen.has(point.period)) {
      throw new SpcInputError('duplicate_period', `points[${index}].period`, `${point.period} appears twice`);
    }
    seen.add(point.period);
  });
  return points
    .map((point) => ({ period: point.period, value: point.value }))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/** Checks the options of a chart input (the points are checked by `validPoints`). */
export function checkOptions(input: XmrChartInput): void {
  if (!IMPROVEMENTS.includes(input.improvement)) {
    throw new SpcInputError('invalid_improvement', 'improvement', 'must be increase, decrease or neutral');
  }
  if (input.target !== undefined && (typeof input.target !== 'number' || !Number.isFinite(input.target))) {
    throw new SpcInputError('non_finite_target', 'target', 'must be a finite number');
  }
  if (input.adoptedAt !== undefined) adoptionDate(input.adoptedAt);
  (input.rebases ?? []).forEach((period, index) => {
    if (typeof period !== 'string' || !isCalendarDate(period)) {
      throw new SpcInputError('invalid_rebase', `rebases[${index}]`, 'must be a real date written YYYY-MM-DD');
    }
  });
}
