import { Matches, type ValidationOptions } from 'class-validator';

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

/** The range as a field rule, part of every date rule of field-rules.ts (placed before the rule on the form, whose pattern the OpenAPI document shows). */
export function IsWithinDateRange(options?: ValidationOptions): PropertyDecorator {
  return Matches(WITHIN_DATE_RANGE, { ...options, message: `$property ${DATE_RANGE_REASON}` });
}
