import type { EmbeddedHarness, Identity } from './embedded-harness';
import { answerOf } from './answers';

/**
 * A command route described by one valid body and which of its fields are text, numbers and dates,
 * so every bad input SPEC "Bad input" names can be made from it. Paths and bodies may hold
 * `{spiralId}` and `{teamId}`, filled in when the test runs (the ids exist only then).
 */
export interface CommandRoute {
  readonly path: string;
  readonly body: object;
  /** A required field, removed for the "missing field" case. */
  readonly required: string;
  /** A dotted path to a string field. */
  readonly text: string;
  readonly number?: string;
  readonly date?: string;
}

export interface BadInput {
  readonly label: string;
  /** The raw body: JSON.stringify cannot write 1e400. */
  readonly json: string;
  /** The field the 400 must name. */
  readonly field: string;
}

const HUGE = '__1e400__';

function withValue(body: object, path: string, value: unknown): object {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() ?? path;
  const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

export function badInputsFor(route: CommandRoute): BadInput[] {
  const json = (path: string, value: unknown) => JSON.stringify(withValue(route.body, path, value));
  const cases: BadInput[] = [
    { label: 'a missing field', json: json(route.required, undefined), field: route.required },
    { label: 'a wrong type', json: json(route.text, 42), field: route.text },
    { label: 'an unknown field', json: JSON.stringify({ ...route.body, nhsNumber: '943 476 5919' }), field: 'nhsNumber' },
    { label: 'control characters', json: json(route.text, 'ward\u0000 7\u001b'), field: route.text },
    { label: 'blank text', json: json(route.text, ' \u00A0\u3000'), field: route.text },
    { label: 'an impossible occurredAt', json: JSON.stringify({ ...route.body, occurredAt: '2005-02-30' }), field: 'occurredAt' },
  ];
  if (route.number !== undefined) {
    cases.push({ label: 'a number too large to be finite', json: json(route.number, HUGE).replace(`"${HUGE}"`, '1e400'), field: route.number });
  }
  if (route.date !== undefined) cases.push({ label: 'an impossible date', json: json(route.date, '2005-02-30'), field: route.date });
  return cases;
}

export type Ids = Readonly<Record<'spiralId' | 'teamId', string>>;

const fill = (text: string, ids: Ids) => text.replaceAll('{spiralId}', ids.spiralId).replaceAll('{teamId}', ids.teamId);

/** Sends the bad body and checks the 400 names the field and that nothing at all was stored. */
export async function expectRefused(harness: EmbeddedHarness, identity: Identity, route: CommandRoute, input: BadInput, ids: Ids): Promise<void> {
  const before = await harness.eventStore.headPosition();
  const response = await harness.http
    .post(`/api/v1${fill(route.path, ids)}`)
    .set(harness.bearer(identity))
    .set('Content-Type', 'application/json')
    .send(fill(input.json, ids))
    .expect(400);
  const problems = answerOf(response).problems ?? [];
  expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ field: input.field })]));
  // Each field once, its reasons joined: a missing text field used to be listed once per rule it failed.
  const fields = problems.map(({ field }) => field);
  expect(fields).toEqual([...new Set(fields)]);
  expect(await harness.eventStore.headPosition()).toBe(before);
}
