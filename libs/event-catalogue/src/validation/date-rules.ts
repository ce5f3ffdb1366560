import { IsISO8601, isISO8601, Matches, type ValidationOptions } from 'class-validator';
import { combine } from './field-rules';

/**
 * The one range every date and time a user gives must lie in: command bodies (`occurredAt`,
 * measurement periods, a priority's `until`…), `asOf` in queries and job bodies, an evaluation's
 * `from` and `to`, the CLI's `--as-of`. SPEC "Bad input": dates must be real dates, and "what is
 * stored is what was meant": a year typed as 0999 or 1004 for 2004 is a slip, never a fact.
 *
 * - Earliest: 1948-07-05, the day the NHS began (National Health Service Act 1946, in force
 *   5 July 1948). Every fact Spiral records is a fact of the health service (SPEC "Events":
 *   `occurredAt` is "when a fact happened in the health service"), and so is every measurement
 *   period and every moment worth replaying: nothing of it can come before the service itself. The
 *   seeded history is the SHAs' (2002–2006), far inside.
 * - Latest: 9999-12-31, the last day the four-digit YYYY form writes, which every date rule reads
 *   (a later year, +010000-…, is refused as a form). Facts are held closer by their own
 *   rule, against the clock (occurredAt and periods "never in the future"); a moment to read as of,
 *   or a priority's last day, may lie after today, so no earlier ceiling holds for them all.
 * A date is judged as written (its YYYY-MM-DD), whatever the offset of a time that follows.
 */
export const EARLIEST_DATE = '1948-07-05';
export const LATEST_DATE = '9999-12-31';

/** Why a date out of range is refused and what to send instead: one message wherever a date is read. */
export const DATE_RANGE_REASON = `must be from ${EARLIEST_DATE} (the NHS's first day) to ${LATEST_DATE}`;

// A text that does not begin as a date is left to the rule on its form. A class-validator Matches, not
// a custom rule: the AsyncAPI document is made from the catalogue's rules, and has no converter for those.
const WITHIN_DATE_RANGE = /^(?!\d{4}-\d{2}-\d{2})|^(?:(?:19(?:49|[5-9]\d)|[2-9]\d{3})-|1948-(?:0[89]-|1[0-2]-|07-(?!0[0-4])))/;

/** Whether a date (YYYY-MM-DD) or an ISO 8601 instant lies in the range; text that is no date at all is left to the rule on its form. */
export function isWithinDateRange(text: string): boolean {
  return WITHIN_DATE_RANGE.test(text);
}

/** The range as a field rule, part of every date rule below (placed before the rule on the form, whose pattern the OpenAPI document shows). */
export function IsWithinDateRange(options?: ValidationOptions): PropertyDecorator {
  return Matches(WITHIN_DATE_RANGE, { ...options, message: `$property ${DATE_RANGE_REASON}` });
}

// A time of day as a clock shows it, 00:00 to 23:59:59.9…, and an offset of at most 23:59. The
// validator takes ISO 8601's old end of day 24:00 when no seconds follow, and Date reads it as the
// next midnight: 2004-06-30T24:00Z was stored as 1 July.
const TIME = 'T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';
const MOMENT = new RegExp(`^\\d{4}-\\d{2}-\\d{2}(?:${TIME})?$`);
const STRICT = { strict: true, strictSeparator: true };

/** Whether a text is a moment as every date rule here reads one: a real date, or a real date and time with an offset. The rule of `asOf` outside a class (replays, the CLI). */
export function isMoment(text: string): boolean {
  return MOMENT.test(text) && isISO8601(text, STRICT);
}

/** A real calendar date as YYYY-MM-DD (2025-02-30 is refused), within the date range. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsWithinDateRange(options),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { ...options, message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { ...options, message: '$property must be a real calendar date' }),
  );
}

/** A real instant in ISO 8601 with a time and an offset, e.g. 2004-05-01T09:30:00Z, within the date range. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsWithinDateRange(options),
    IsISO8601(STRICT, options),
    Matches(new RegExp(`^\\d{4}-\\d{2}-\\d{2}${TIME}$`), {
      ...options,
      message: '$property must be an ISO 8601 date-time with a time zone, e.g. 2004-05-01T09:30:00Z',
    }),
  );
}

/** When a fact happened: a date (midnight UTC) or a date-time with a time zone, within the date range. */
export function IsOccurredAt(options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsWithinDateRange(options),
    IsISO8601(STRICT, options),
    Matches(MOMENT, {
      ...options,
      message: '$property must be YYYY-MM-DD or an ISO 8601 date-time with a time zone (hours 00 to 23)',
    }),
  );
}
