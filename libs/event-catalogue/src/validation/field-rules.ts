import {
  ArrayMaxSize,
  IsISO8601,
  IsNumber,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  type ValidationOptions,
} from 'class-validator';

/**
 * Field rules shared by event payloads and request bodies. SPEC "Bad input": text refuses control
 * characters, numbers are finite, dates are real dates. Each returns one decorator made of several,
 * so a field reads as one rule.
 */
function combine(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

// Unicode category Cc: the C0 and C1 control characters and DEL. Prose may keep line breaks and tabs.
const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;
const NO_CONTROL_BUT_LINE_BREAKS = /^(?:[\t\n\r]|\P{Cc})*$/u;

/** A short single-line text: a name, a title, a code. */
export function IsText(maxLength = 200, options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsString(options),
    MinLength(1, options),
    MaxLength(maxLength, options),
    Matches(NO_CONTROL_CHARACTERS, { ...options, message: '$property must not contain control characters' }),
  );
}

/** Free text that may run over several lines: a rationale, a gap, what was learned. */
export function IsProse(maxLength = 4000, options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsString(options),
    MinLength(1, options),
    MaxLength(maxLength, options),
    Matches(NO_CONTROL_BUT_LINE_BREAKS, {
      ...options,
      message: '$property must not contain control characters other than line breaks and tabs',
    }),
  );
}

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const MAX_IDENTIFIER_LENGTH = 100;

/** The identifier rule for values that are not fields of a class (a token's org and sha claims). */
export function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_IDENTIFIER_LENGTH && IDENTIFIER.test(value);
}

/** An identifier chosen by a client or the server: letters, digits, '-', '_', '.', ':'. */
export function IsIdentifier(options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsString(options),
    MinLength(1, options),
    MaxLength(MAX_IDENTIFIER_LENGTH, options),
    Matches(IDENTIFIER, {
      ...options,
      message: '$property must be an identifier (letters, digits, ".", "_", ":" or "-")',
    }),
  );
}

/** A finite number (JSON cannot carry NaN; 1e400 parses to Infinity and is refused here). */
export function IsFiniteNumber(options?: ValidationOptions): PropertyDecorator {
  return IsNumber({ allowNaN: false, allowInfinity: false }, options);
}

/** A real calendar date as YYYY-MM-DD (2025-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return combine(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { ...options, message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { ...options, message: '$property must be a real calendar date' }),
  );
}

/** A real instant in ISO 8601 with a time and an offset, e.g. 2004-05-01T09:30:00Z. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsISO8601({ strict: true, strictSeparator: true }, options),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      ...options,
      message: '$property must be an ISO 8601 date-time with a time zone, e.g. 2004-05-01T09:30:00Z',
    }),
  );
}

/** When a fact happened: a date (midnight UTC) or a date-time with a time zone. */
export function IsOccurredAt(options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsISO8601({ strict: true, strictSeparator: true }, options),
    Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, {
      ...options,
      message: '$property must be YYYY-MM-DD or an ISO 8601 date-time with a time zone',
    }),
  );
}

/** Caps any list so a hostile body cannot make the server do unbounded work. */
export function IsBoundedList(maxItems = 100, options?: ValidationOptions): PropertyDecorator {
  return ArrayMaxSize(maxItems, options);
}
