import { answerOf, bodyOf } from './support/answers';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';

const READERS: readonly Identity[] = [{ role: 'national' }, { role: 'auditor' }, { role: 'analyst' }];

/** Every GET route of the OpenAPI document, its path parameters filled with a well-formed id. */
async function everyGetPath(harness: EmbeddedHarness): Promise<string[]> {
  const document = bodyOf(await harness.http.get('/api/docs-json').expect(200)) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths)
    .filter(([, operations]) => 'get' in operations)
    .map(([path]) => path.replace('{list}', 'measurements').replace(/\{[^}]+\}/g, 'S01'));
}

/**
 * SPEC "Bad input": unknown query parameters are refused like unknown fields, on every read. Routes
 * without a query class used to ignore them (`GET /teams/:id?asOf=…` answered as if dated).
 */
describe('an unknown query parameter', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  it('is refused with 400 naming it on every GET route, before any work', async () => {
    const paths = await everyGetPath(harness);
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      // The first reader allowed there: a refusal of the role (403) would hide the answer to the query.
      let answer = await harness.http.get(`${path}?bogus=1`).set(harness.bearer(READERS[0]!));
      for (const reader of READERS.slice(1)) if (answer.status === 403) answer = await harness.http.get(`${path}?bogus=1`).set(harness.bearer(reader));
      expect([path, answer.status]).toEqual([path, 400]);
      expect([path, answerOf(answer).problems.map(({ field }) => field)]).toEqual([path, ['bogus']]);
    }
  });

  it('leaves a route without a query answering as before when none is given', async () => {
    await harness.http.get('/api/v1/health').expect(200);
    await harness.http.get('/api/v1/audit/verify').set(harness.bearer({ role: 'auditor' })).expect(200);
  });
});
