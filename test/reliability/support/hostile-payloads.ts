import fc from 'fast-check';
import type { JsonSchema, OpenApiRoutes } from './openapi-routes';

/** A body to send as it is, what kind of hostility it carries, and the status it must get (any 4xx when unset). */
export interface HostilePayload {
  readonly kind: string;
  readonly json: string;
  readonly status?: number;
}

interface Field {
  readonly path: readonly (string | number)[];
  readonly schema: JsonSchema;
  readonly required: boolean;
}

// JSON.stringify cannot write 1e400; a marker string is swapped for the raw number after.
const NON_FINITE = '"__non_finite__"';
const CONTROL = [...Array.from({ length: 32 }, (_, code) => code).filter((code) => ![9, 10, 13].includes(code)), 0x7f, 0x85, 0x9f].map((code) => String.fromCharCode(code));
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where'];

/** Every property of the schema, nested ones included (array items through their first element). */
function fieldsOf(routes: OpenApiRoutes, schema: JsonSchema, path: readonly (string | number)[] = []): Field[] {
  const resolved = routes.resolve(schema);
  const fields: Field[] = [];
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    const child = routes.resolve(property);
    const here = [...path, name];
    fields.push({ path: here, schema: child, required: resolved.required?.includes(name) ?? false });
    if (child.properties) fields.push(...fieldsOf(routes, child, here));
    if (child.type === 'array' && child.items && routes.resolve(child.items).properties) fields.push(...fieldsOf(routes, child.items, [...here, 0]));
  }
  return fields;
}

/** A copy of `body` with `value` at `path` (undefined deletes); own keys even for `__proto__`. */
function withValue(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] ?? '';
  if (value === undefined) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const json = (body: unknown) => JSON.stringify(body).replaceAll(NON_FINITE, '1e400');

function wrongValues(schema: JsonSchema): fc.Arbitrary<unknown> {
  const notString = [fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 })];
  switch (schema.type) {
    case 'string':
      return schema.enum ? fc.oneof(...notString, fc.string().filter((text) => !schema.enum?.includes(text))) : fc.oneof(...notString);
    case 'number':
    case 'integer':
      return fc.oneof(fc.string(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '0x1F', '', ' 42 '));
    case 'array':
      return fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
    case undefined:
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer(), { maxLength: 3 }));
  }
}

/** Nested arrays or objects, `depth` deep, as JSON text (JSON.stringify itself overflows the stack on them). */
const nestedJson = (depth: number, asArray: boolean): string => (asArray ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/**
 * Generated hostile bodies for one command, each broken in at least one way SPEC "Bad input"
 * names, so none may be stored whatever the rest of the body holds.
 */
export function hostilePayloads(routes: OpenApiRoutes, schema: JsonSchema, opensExistingStream: boolean): fc.Arbitrary<HostilePayload> {
  const base = routes.exampleOf(schema);
  const fields = fieldsOf(routes, schema);
  const pick = (filter: (field: Field) => boolean) => fc.constantFrom(...fields.filter(filter));
  const has = (filter: (field: Field) => boolean) => fields.some(filter);
  const texts = (field: Field) => field.schema.type === 'string' && !field.schema.enum && field.schema.format === undefined;
  const numbers = (field: Field) => field.schema.type === 'number' || field.schema.type === 'integer';
  const arrays = (field: Field) => field.schema.type === 'array';
  const dates = (field: Field) => field.schema.format === 'date' || (field.schema.pattern ?? '').startsWith('^\\d{4}');
  const kinds: fc.Arbitrary<HostilePayload>[] = [
    fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS, 'nhsNumber'), fc.string({ minLength: 1, maxLength: 20 })), fc.jsonValue({ maxDepth: 3 }))
      .filter(([key]) => !fields.some((field) => field.path.length === 1 && field.path[0] === key))
      .map(([key, value]) => ({ kind: 'unknown field', json: json(withValue(base, [key], value)) })),
  ];
  // A command with fields (a job's start may have none): keys and nesting put where its fields are.
  if (fields.length > 0) kinds.push(
    fc.tuple(fc.constantFrom(...PROTO_KEYS.slice(0, 2)), fc.constantFrom(...fields.map((field) => field.path.slice(0, -1)))).map(([key, parent]) => ({
      kind: '__proto__/constructor key',
      json: json(withValue(base, [...parent, key], { polluted: true, prototype: { polluted: true } })),
    })),
    fc.tuple(fc.constantFrom(100, 1000, 5000), fc.boolean(), fc.constantFrom(...fields.map((field) => field.path))).map(([depth, asArray, path]) => ({
      kind: 'deep nesting',
      json: json(withValue(base, path, '__nested__')).replace('"__nested__"', nestedJson(depth, asArray)),
    })),
  );
  if (fields.length > 0) kinds.push(pick(() => true).chain((field) => wrongValues(field.schema).map((value) => ({ kind: 'wrong type', json: json(withValue(base, field.path, value)) }))));
  if (has((field) => field.required)) kinds.push(pick((field) => field.required).map((field) => ({ kind: 'missing field', json: json(withValue(base, field.path, undefined)) })));
  if (has(texts)) {
    kinds.push(
      fc.tuple(pick(texts), fc.constantFrom(...CONTROL), fc.nat(40)).map(([field, control, at]) => {
        const text = 'Reliability text';
        return { kind: 'control characters', json: json(withValue(base, field.path, text.slice(0, at % text.length) + control + text.slice(at % text.length))) };
      }),
    );
  }
  if (has(numbers)) {
    kinds.push(pick(numbers).map((field) => ({ kind: 'huge number (1e400)', json: json(withValue(base, field.path, '__non_finite__')) })));
    kinds.push(fc.tuple(pick(numbers), fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', 'NaN ')).map(([field, text]) => ({ kind: 'NaN-like string', json: json(withValue(base, field.path, text)) })));
  }
  if (has(arrays)) {
    kinds.push(
      fc.tuple(pick(arrays), fc.integer({ min: 1, max: 5000 })).map(([field, extra]) => {
        const item = routes.exampleOf(field.schema.items ?? {});
        return { kind: 'oversized array', json: json(withValue(base, field.path, Array.from({ length: (field.schema.maxItems ?? 10_000) + extra }, () => item))) };
      }),
    );
  }
  if (has(dates)) {
    kinds.push(fc.tuple(pick(dates), fc.constantFrom('2005-02-30', '2005-13-01', '2005-00-10', '99999-01-01', '2005-2-3', '20050101')).map(([field, text]) => ({ kind: 'impossible date', json: json(withValue(base, field.path, text)) })));
  }
  const future = fc.date({ min: new Date(Date.now() + 86_400_000), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true });
  kinds.push(future.map((date) => ({ kind: 'future occurredAt', json: json(withValue(base, ['occurredAt'], date.toISOString())) })));
  if (opensExistingStream) {
    const ancient = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('1900-01-01T00:00:00Z'), noInvalidDate: true });
    kinds.push(ancient.map((date) => ({ kind: 'ancient occurredAt', json: json(withValue(base, ['occurredAt'], date.toISOString().replace(/^\+0*/, ''))) })));
  }
  return fc.oneof(...kinds);
}

/** Bodies that are not JSON objects at all, and one over the size limit (413). */
export function fixedHostilePayloads(maxBodyBytes: number): HostilePayload[] {
  const malformed = ['{', '{"title":}', "{'title':'x'}", '{"a":1,}', '[1,2', 'NaN', 'null', '[]', '"text"', '123', '', '\u0000', '{"a":"\\ud800"}'];
  return [
    ...malformed.map((text) => ({ kind: 'malformed JSON', json: text })),
    { kind: 'oversized body (> 1 MiB)', json: JSON.stringify({ padding: 'x'.repeat(maxBodyBytes + 1) }), status: 413 },
  ];
}
