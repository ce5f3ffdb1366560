import { Transform } from 'class-transformer';
import { wholeNumberOf } from '@spiral/event-catalogue';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const IS_QUERY_WHOLE_NUMBER = 'isQueryWholeNumber';

/** The rule in the OpenAPI document (a class-validator-jsonschema converter): an integer in its range. */
export const queryWholeNumberSchema = {
  [IS_QUERY_WHOLE_NUMBER]: ({ constraints }: { constraints: readonly number[] }) => ({ type: 'integer' as const, minimum: constraints[0], maximum: constraints[1] }),
};

/**
 * A whole number in a query string (`?limit=20`), from `min` to `max`: one rule for every query
 * number. Query values are text, and Number() read `limit=0x10` as 16, `limit=1e2` as 100 and
 * `limit=%205` (a space) as 5; only decimal digits are converted (wholeNumberOf). Anything else, a
 * repeated parameter (which arrives as a list) included, stays as sent and is refused with one
 * message that says what to send.
 */
export function IsQueryWholeNumber(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  const toNumber = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (wholeNumberOf(value) ?? value) : value));
  const inRange = ValidateBy(
    {
      name: IS_QUERY_WHOLE_NUMBER,
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: () => `$property must be a whole number from ${min} to ${max}, in decimal digits, given once`,
      },
    },
    options,
  );
  return (target, key) => {
    toNumber(target, key);
    inRange(target, key);
  };
}
