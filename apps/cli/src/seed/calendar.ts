/**
 * Time in the seeded history: instants are epoch milliseconds (UTC) until they go into a command as
 * ISO 8601; months are counted as year * 12 + month index, so "n months later" is plain arithmetic.
 */
export type Instant = number;
export type MonthIndex = number;

const DAY_MS = 24 * 60 * 60 * 1000;

export function instant(isoDate: string): Instant {
  const value = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(value)) throw new RangeError(`not a date: ${isoDate}`);
  return value;
}

/** The SHAs' lifetime (April 2002 to their merger in July 2006): no seeded fact lies outside it. */
export const HISTORY_START: Instant = instant('2002-04-01');
export const HISTORY_END: Instant = instant('2006-06-30') + 17 * 60 * 60 * 1000;

export function addDays(at: Instant, days: number): Instant {
  return at + Math.round(days * DAY_MS);
}

export function addMonths(at: Instant, months: number): Instant {
  return addDays(at, months * 30.44);
}

export function monthOf(at: Instant): MonthIndex {
  const date = new Date(at);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export function startOfMonth(month: MonthIndex): Instant {
  return Date.UTC(Math.floor(month / 12), month % 12, 1);
}

/** The first instant after the month ends. */
export function endOfMonth(month: MonthIndex): Instant {
  return startOfMonth(month + 1);
}

/** A measurement's period: the first day of its month, `YYYY-MM-01`. */
export function periodOf(month: MonthIndex): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

/** A working-hours moment of the same day (08:00 to 17:59 UTC), so facts read like office work. */
export function duringWorkingHours(at: Instant, minuteOfDay: number): Instant {
  const midnight = Math.floor(at / DAY_MS) * DAY_MS;
  return midnight + (8 * 60 + (minuteOfDay % 600)) * 60 * 1000;
}

export function iso(at: Instant): string {
  return new Date(at).toISOString();
}

export function isoDay(at: Instant): string {
  return iso(at).slice(0, 10);
}

export function monthsBetween(from: Instant, to: Instant): number {
  return (to - from) / (30.44 * DAY_MS);
}
