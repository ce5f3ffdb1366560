import { ValidateBy, type ValidationOptions } from 'class-validator';

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
 * - Latest: 9999-12-31, the last day the four-digit YYYY form writes (a later instant is written
 *   +010000-… by toISOString, a form nothing here reads back). Facts are held closer by their own
 *   rule, against the clock (occurredAt and periods "never in the future"); a moment to read as of,
 *   or a priority's last day, may lie after today, so no earlier ceiling holds for them all.
 * Instants are compared in UTC.
 */
export const EARLIEST_DATE = '1948-07-05';
export const LATEST_DATE = '9999-12-31';

const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00.000Z`);
const LATEST_MS = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

/** Why a date out of range is refused and what to send instead: one message wherever a date is read. */
export const DATE_RANGE_REASON = `must be from ${EARLIEST_DATE} (the NHS's first day) to ${LATEST_DATE} (UTC)`;

/** Whether a date (YYYY-MM-DD, read as midnight UTC) or an ISO 8601 instant lies in the range; text that is no date at all is left to the rule on its form. */
export function isWithinDateRange(text: string): boolean {
  const millis = Date.parse(text);
  return Number.isNaN(millis) || (millis >= EARLIEST_MS && millis <= LATEST_MS);
}

const IS_WITHIN_DATE_RANGE = 'isWithinDateRange';

/** The range as a field rule, part of every date rule of field-rules.ts. */
export function IsWithinDateRange(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_WITHIN_DATE_RANGE,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || isWithinDateRange(value),
        defaultMessage: () => `$property ${DATE_RANGE_REASON}`,
      },
    },
    options,
  );
}
