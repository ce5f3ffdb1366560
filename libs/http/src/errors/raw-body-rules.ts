import type { FieldProblem } from '@spiral/event-catalogue';

/**
 * Checks on a parsed JSON body made before class-transformer sees it, for what the DTO rules cannot
 * catch: class-transformer silently drops `__proto__`, `constructor` and other keys that name
 * Object.prototype members (so they would be ignored, where SPEC "Bad input" says unknown fields are
 * refused), and it recurses once per nesting level (so a body nested thousands deep overflows the
 * stack: a 500 instead of a 400). No request field nests anywhere near this deep.
 */
export const MAX_BODY_DEPTH = 32;

// `prototype` too: the key prototype-pollution payloads reach through `constructor.prototype`.
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Every key of the body that names a prototype member, and where it nests deeper than MAX_BODY_DEPTH. */
export function rawBodyProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // Iterative on purpose: a recursive walk would overflow on the very bodies it is meant to refuse.
  const pending: { readonly value: unknown; readonly path: string; readonly depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      problems.push({ field: path, reason: `nests deeper than ${MAX_BODY_DEPTH} levels` });
      continue;
    }
    for (const key of Object.keys(value)) {
      const field = path === '' ? key : `${path}.${key}`;
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) problems.push({ field, reason: 'is not a field of this request (it names a prototype member)' });
      else pending.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return problems;
}
