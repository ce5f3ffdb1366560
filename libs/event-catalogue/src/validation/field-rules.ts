import {
  ArrayMaxSize,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  type ValidationOptions,
} from 'class-validator';

/**
 * Field rules shared by event payloads and request bodies. SPEC "Bad input": text refuses control
 * characters, numbers are finite, dates are real dates (date-rules.ts). Each returns one decorator made of several,
 * so a field reads as one rule.
 */
export function combine(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

// Unicode category Cc: the C0 and C1 control characters and DEL. Prose may keep line breaks and tabs.
const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;
const NO_CONTROL_BUT_LINE_BREAKS = /^(?:[\t\n\r]|\P{Cc})*$/u;

/**
 * Characters that make text read otherwise than it is stored (SPEC "Bad input"): bidi controls
 * (ALM, LRM, RLM, the embeddings and overrides, the isolates) reorder what a reader sees ("Trojan
 * source"); zero-width characters make two names that look the same differ. Refused, not stripped,
 * so what is stored is what was sent.
 */
const BIDI_CONTROLS = '\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069';
const NO_BIDI_CONTROLS = new RegExp(`^[^${BIDI_CONTROLS}]*$`, 'u');

/**
 * A name shows exactly what it holds, on one line. Unicode's format characters (Cf) are the
 * invisible ones: the bidi controls and zero-width characters above, and also the soft hyphen, the
 * tag characters (U+E0000 block: text a reader cannot see, "ASCII smuggling"), the Mongolian vowel
 * separator; line and paragraph separators (Zl, Zp) break a single line as a line feed would. Blank
 * names ("   ", a no-break space, combining marks alone) and edge spaces ("Ward 7 " beside
 * "Ward 7") are two more ways for names to look alike or empty.
 */
const NO_INVISIBLE_OR_LINE_BREAKING = /^(?!\p{M})[^\p{Cf}\p{Zl}\p{Zp}]*$/u;
const TRIMMED_AND_NOT_BLANK = /^\S(?:[\s\S]*\S)?$/u;

/**
 * A text that must say something holds at least one character that shows: a letter, digit, symbol or
 * punctuation mark (Unicode general categories L, N, S, P; spaces Z, marks M and the others C show
 * nothing alone), unless it is drawn blank. Unicode marks the characters a renderer draws as nothing
 * Default_Ignorable_Code_Point: among the letters, the Hangul fillers (U+115F, U+1160, U+3164,
 * U+FFA0) are, so "\u3164" alone passed as a name. U+2800 BRAILLE PATTERN BLANK is a symbol (So) whose
 * glyph is the empty cell, and the one such character no Unicode property names: it is named here.
 */
const BLANK_DRAWN = '[\\p{Default_Ignorable_Code_Point}\\u2800]';
const SHOWING = '[\\p{L}\\p{N}\\p{S}\\p{P}]';
const SHOWS_A_CHARACTER = new RegExp(`(?!${BLANK_DRAWN})${SHOWING}`, 'u');
/** A name holds no character drawn blank at all: "Ward 7\u3164" and "Ward 7" would look the same. */
const NO_BLANK_DRAWN_CHARACTER = new RegExp(`^(?:(?!(?=${BLANK_DRAWN})${SHOWING})[\\s\\S])*$`, 'u');
const SHOWS_MESSAGE = '$property must show at least one letter, digit, symbol or punctuation mark';

/**
 * Combining marks pile on the character before them, and a pile hundreds high ("Zalgo" text) is
 * drawn over the rows above and below it on every page and chart. Unicode's Stream-Safe Text Format
 * (UAX #15 §13) holds a text to at most 30 such characters in a row, far beyond any script's need.
 */
const NO_MARK_PILE = /^(?![\s\S]*\p{M}{31})/u;
const NO_MARK_PILE_MESSAGE = '$property must not stack more than 30 combining marks in a row (Unicode\'s stream-safe limit)';

/** Whether a text shows as a name must: at least one character that shows, none drawn blank (for values that are not fields of a class: a token's sub). */
export function showsAsAName(text: string): boolean {
  return SHOWS_A_CHARACTER.test(text) && NO_BLANK_DRAWN_CHARACTER.test(text);
}

// The OpenAPI document shows the last pattern of a field (class-validator-jsonschema): each rule
// below ends with one that schemathesis' generator (Python's re, Hypothesis) reads: no \p{…}, no lookaround.

/** A short single-line text: a name, a title, a code. */
export function IsText(maxLength = 200, options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsString(options),
    MinLength(1, options),
    MaxLength(maxLength, options),
    Matches(NO_CONTROL_CHARACTERS, { ...options, message: '$property must not contain control characters' }),
    Matches(NO_INVISIBLE_OR_LINE_BREAKING, { ...options, message: '$property must not contain invisible characters (bidi controls, zero-width and other format characters) or line separators, nor start with a combining mark' }),
    Matches(NO_BLANK_DRAWN_CHARACTER, { ...options, message: '$property must not contain characters drawn blank (Hangul fillers, the blank braille pattern)' }),
    Matches(SHOWS_A_CHARACTER, { ...options, message: SHOWS_MESSAGE }),
    Matches(NO_MARK_PILE, { ...options, message: NO_MARK_PILE_MESSAGE }),
    Matches(TRIMMED_AND_NOT_BLANK, { ...options, message: '$property must show a character other than spaces, and not start or end with a space' }),
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
    // Prose keeps zero-width joiners (emoji, some scripts need them); bidi controls are refused.
    Matches(SHOWS_A_CHARACTER, { ...options, message: SHOWS_MESSAGE }),
    Matches(NO_MARK_PILE, { ...options, message: NO_MARK_PILE_MESSAGE }),
    Matches(NO_BIDI_CONTROLS, { ...options, message: '$property must not contain bidi controls' }),
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

/**
 * The range every number of a command is held to (SPEC "Bad input": numbers stay within a documented
 * range where arithmetic on them is finite). ±1e12 is far beyond any measure the service counts, and
 * the chart's sums, squares and moving ranges over thousands of points stay exact enough and finite
 * (±1e308 made the mean and limits Infinity, written as null).
 */
export const MAX_NUMBER_MAGNITUDE = 1e12;

/** A finite number within ±MAX_NUMBER_MAGNITUDE (JSON cannot carry NaN; 1e400 parses to Infinity and is refused here). */
export function IsFiniteNumber(options?: ValidationOptions): PropertyDecorator {
  return combine(
    IsNumber({ allowNaN: false, allowInfinity: false }, options),
    Min(-MAX_NUMBER_MAGNITUDE, { ...options, message: `$property must be at least -${MAX_NUMBER_MAGNITUDE}` }),
    Max(MAX_NUMBER_MAGNITUDE, { ...options, message: `$property must be at most ${MAX_NUMBER_MAGNITUDE}` }),
  );
}

// Decimal digits only, leading zeros aside few enough to stay an exact integer.
const DECIMAL_DIGITS = /^0*\d{1,15}$/;

/**
 * A whole number written as text (a query parameter, a setting), or undefined when the text is not
 * decimal digits. Number() would read "0x10" as 16, "1e3" as 1000, " 5" as 5 and "" as 0, so a value
 * could mean another number than it shows.
 */
export function wholeNumberOf(text: string): number | undefined {
  return DECIMAL_DIGITS.test(text) ? Number(text) : undefined;
}

/** Caps any list so a hostile body cannot make the server do unbounded work. */
export function IsBoundedList(maxItems = 100, options?: ValidationOptions): PropertyDecorator {
  return ArrayMaxSize(maxItems, options);
}
