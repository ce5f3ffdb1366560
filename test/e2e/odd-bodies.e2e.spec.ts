import { answerOf, bodyOf } from './support/answers';
import { EmbeddedHarness } from './support/embedded-harness';

const national = { role: 'national' } as const;
const localRx1 = { role: 'local', org: 'RX1', sha: 'Q01' } as const;
const team = { name: 'Stroke unit', orgCode: 'RX1', shaCode: 'Q01' };

/** Every POST route of the OpenAPI document, its path parameters filled with a well-formed id. */
async function everyPostPath(harness: EmbeddedHarness): Promise<string[]> {
  const document = bodyOf(await harness.http.get('/api/docs-json').expect(200)) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths)
    .filter(([, operations]) => 'post' in operations)
    .map(([path]) => path.replace(/\{[^}]+\}/g, 'S01'));
}

/**
 * SPEC "Bad input": a body is one JSON object, read as every reader would read it. These are refused
 * by the one body reader (libs/http json-body.ts), so on every command route, before any guard or
 * handler runs, with an error that says what to send instead; nothing is stored.
 */
describe('bodies that are JSON but not one unambiguous object', () => {
  let harness: EmbeddedHarness;
  let posts: string[];
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    posts = await everyPostPath(harness);
  });
  afterAll(() => harness.stop());

  const send = (path: string, json: string, contentType = 'application/json') =>
    harness.http.post(path).set(harness.bearer(national)).set('Content-Type', contentType).send(json);

  it('refuses a number, a string, null or an array as the body on every command route', async () => {
    expect(posts.length).toBeGreaterThan(20);
    const before = await harness.eventStore.headPosition();
    for (const path of posts) {
      for (const [json, what] of [['42', 'a number'], ['"x"', 'a string'], ['null', 'null'], ['[{"name":"x"}]', 'an array']] as const) {
        const answer = await send(path, json);
        expect([path, answer.status, bodyOf(answer)['error']]).toEqual([path, 400, 'entity.not.object']);
        expect(answerOf(answer).message).toContain(`not ${what}`);
      }
    }
    expect(await harness.eventStore.headPosition()).toBe(before);
  });

  it('refuses a field given twice, naming it, on every command route', async () => {
    const before = await harness.eventStore.headPosition();
    for (const path of posts) {
      const answer = await send(path, '{"occurredAt":"2004-01-01","points":[{"value":1,"value":1000000}]}');
      expect([path, answer.status, answerOf(answer).message]).toEqual([path, 400, 'the body gives points.0.value more than once; send each field once']);
    }
    expect(await harness.eventStore.headPosition()).toBe(before);
  });

  it('refuses half of a surrogate pair in any text, naming the field', async () => {
    const answer = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('Content-Type', 'application/json').send('{"name":"Ward \\ud800 7","orgCode":"RX1","shaCode":"Q01"}').expect(400);
    expect(answerOf(answer).problems.map(({ field }) => field)).toEqual(['name']);
    await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).send({ ...team, name: 'Ward \u{1F3E5} 7' }).expect(201);
  });

  it('refuses a charset other than UTF-8 with 415, and says malformed JSON is malformed', async () => {
    const utf16 = await send('/api/v1/teams', JSON.stringify(team), 'application/json; charset=utf-16').expect(415);
    expect(bodyOf(utf16)['error']).toBe('charset.unsupported');
    await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('Content-Type', 'application/json; charset="UTF-8"').send(JSON.stringify(team)).expect(201);
    // Given twice, which charset counts would depend on who reads the header.
    const twice = await send('/api/v1/teams', JSON.stringify(team), 'application/json; charset=utf-8; charset=latin1').expect(400);
    expect(bodyOf(twice)['error']).toBe('charset.repeated');
    const malformed = await send('/api/v1/teams', '{"name":').expect(400);
    expect(bodyOf(malformed)).toMatchObject({ error: 'entity.parse.failed', message: expect.stringMatching(/^the body is not valid JSON: /) as unknown });
  });
});
