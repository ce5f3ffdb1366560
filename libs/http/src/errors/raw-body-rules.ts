import type { FieldProblem } from '@spiral/event-catalogue';

/**
 * Checks on a parsed JSON body made before class-transformer sees it, for what the DTO rules cannot
 * catch, and cheaply enough that a hostile body costs no more than reading it:
 * - size: class-transformer and class-validator do work per member (a 1 MiB body of 112,000 unknown
 *   keys took them 12-17 s and answered 7 MB), so a body with more members and items than
 *   `maxProperties` is refused as a whole, at the first one past the cap, before they run;
 * - depth: they recurse once per nesting level (thousands deep overflows the stack: a 500);
 * - prototype keys: class-transformer silently drops `__proto__`, `constructor` and other keys that
 *   name Object.prototype members, where SPEC "Bad input" says unknown fields are refused;
 * - null: class-validator reads `null` as "absent" on optional fields, so `"occurredAt": null` was
 *   taken as no date; no request field takes null (a field is sent with a value or left out).
 * - lone surrogates: JSON may escape half of a UTF-16 pair ("\ud800"), which is no character at
 *   all; stored, it became U+FFFD or broke the export of whoever read it in UTF-8.
 * It also normalises every text to Unicode NFC in place (SPEC "Bad input": one rule, here, for every
 * field), so "é" typed as e + combining accent is the same name as "é".
 */
export interface BodyLimits {
  /** Most object members plus array items in one body (SPIRAL_MAX_BODY_PROPERTIES). */
  readonly maxProperties: number;
  /** Most problems one answer lists (SPIRAL_MAX_PROBLEMS); the message says how many there were. */
  readonly maxProblems: number;
}

/** No request field nests anywhere near this deep. */
export const MAX_BODY_DEPTH = 32;

/** The largest request (520 measurement points) holds about 1,600 values; this leaves room. */
export const DEFAULT_BODY_LIMITS: BodyLimits = { maxProperties: 5_000, maxProblems: 50 };

// `prototype` too: the key prototype-pollution payloads reach through `constructor.prototype`.
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

// A code point of category Cs: in a `u` regular expression only an unpaired surrogate is one.
const LONE_SURROGATE = /\p{Cs}/u;

/** Thrown when a body is wider than the cap: answered 413 without looking further. */
export class BodyTooWide extends Error {
  constructor(readonly maxProperties: number) {
    super(`the body holds more than ${maxProperties} fields and list items (SPIRAL_MAX_BODY_PROPERTIES); no request needs that many`);
  }
}

/** Every key of the body that names a prototype member, every null, every lone surrogate, and where it nests deeper than MAX_BODY_DEPTH. */
export function rawBodyProblems(body: unknown, limits: BodyLimits = DEFAULT_BODY_LIMITS): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let seen = 0;
  // Iterative on purpose: a recursive walk would overflow on the very bodies it is meant to refuse.
  const pending: { readonly value: unknown; readonly path: string; readonly depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (pending.length > 0 && problems.length < limits.maxProblems) {
    const { value, path, depth } = pending.pop()!;
    if (value === null && path !== '') problems.push({ field: path, reason: 'must not be null (leave an optional field out instead)' });
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) problems.push({ field: path, reason: 'must be well-formed Unicode: it holds half of a surrogate pair (\\uD800-\\uDFFF alone)' });
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      problems.push({ field: path, reason: `nests deeper than ${MAX_BODY_DEPTH} levels` });
      continue;
    }
    const keys = Object.keys(value);
    seen += keys.length;
    if (seen > limits.maxProperties) throw new BodyTooWide(limits.maxProperties);
    for (const key of keys) {
      const field = path === '' ? key : `${path}.${key}`;
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) problems.push({ field, reason: 'is not a field of this request (it names a prototype member)' });
      else pending.push({ value: normalised(value as Record<string, unknown>, key), path: field, depth: depth + 1 });
    }
  }
  return problems.slice(0, limits.maxProblems);
}

function normalised(parent: Record<string, unknown>, key: string): unknown {
  const value = parent[key];
  if (typeof value !== 'string') return value;
  const nfc = value.normalize('NFC');
  if (nfc !== value) parent[key] = nfc;
  return nfc;
}
