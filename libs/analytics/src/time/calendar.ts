import { canonicalInstant, instantOf } from './instant';

/**
 * Time arithmetic on ISO 8601 instants, in UTC: views keep `occurredAt` as the write path stores it
 * (`Date#toISOString()`), and every figure is judged on that axis (SPEC "Events": "as of a moment"
 * means by occurredAt).
 */
export const DAY_MS = 86_400_000;

/** The mean Gregorian month: 365.2425 / 12 days, so month-based rates do not drift with the calendar. */
export const MEAN_MONTH_DAYS = 365.2425 / 12;

export function daysBetween(from: string, to: string): number {
  return (instantOf(to) - instantOf(from)) / DAY_MS;
}

export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / MEAN_MONTH_DAYS;
}

/** The instant in toISOString's form: itself when it has it already, as stored instants do. */
function isoForm(instant: string): string {
  return canonicalInstant(instant) === undefined ? new Date(Date.parse(instant)).toISOString() : instant;
}

/** 'YYYY-MM' of an instant (or of a 'YYYY-MM-DD' date). */
export function monthOf(instant: string): string {
  return isoForm(instant).slice(0, 7);
}

/** 'YYYY-MM-DD' of an instant: the date part as written, as SPC reads an adoption's date. */
export function dateOf(instant: string): string {
  return isoForm(instant).slice(0, 10);
}

/** Every month from `first` to `last` inclusive ('YYYY-MM'); empty when last is before first. */
export function monthsFrom(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; ) {
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/**
 * The instant `months` calendar months later; a day that the target month lacks becomes its last
 * day (31 January + 1 month = 28 or 29 February), rather than spilling into the month after.
 */
export function addCalendarMonths(instant: string, months: number): string {
  const date = new Date(instantOf(instant));
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString();
}

/**
 * The moment isAtOrBefore read last, kept parsed: its callers test many instants against one
 * moment (the facts as of it), and parsing the moment again for each was a tenth of the instants
 * an evaluation parsed (profiled on the default seed).
 */
let lastMoment = '';
let lastMomentMs = Number.NaN;

export function isAtOrBefore(instant: string, moment: string): boolean {
  if (moment !== lastMoment) {
    lastMoment = moment;
    lastMomentMs = instantOf(moment);
  }
  return instantOf(instant) <= lastMomentMs;
}

// Equal texts are the same instant: a stream's events often share their occurredAt (a batch of points).
export function earlierOf(a: string, b: string): string {
  return a !== b && instantOf(b) < instantOf(a) ? b : a;
}

export function laterOf(a: string, b: string): string {
  return a !== b && instantOf(b) > instantOf(a) ? b : a;
}

/** The moment a query judges time-based figures at: the `asOf` asked for, normalised, or now. */
export function resolveAsOf(asOf: string | undefined, now: string): string {
  return new Date(instantOf(asOf ?? now)).toISOString();
}
