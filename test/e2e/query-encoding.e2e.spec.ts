import { answerOf } from './support/answers';
import { EmbeddedHarness } from './support/embedded-harness';

const national = { role: 'national' } as const;

/**
 * SPEC "Bad input": corrupt encodings and invalid UTF-8 are 400s. `GET /practices?q=%FF` searched
 * for U+FFFD and answered 200: a query string is refused, on every route and page, when its escapes
 * are not UTF-8, as a path already was and a body is.
 */
describe('a query string that is not percent-encoded UTF-8', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  it('is refused with 400 naming the parameter, with the correlation id and the API\'s headers', async () => {
    for (const bad of ['%FF', '%E2%82', '%C0%AF', '%ED%A0%80', '100%']) {
      const response = await harness.http.get(`/api/v1/practices?status=published&q=${bad}`).set(harness.bearer(national));
      expect([bad, response.status, answerOf(response).problems]).toEqual([bad, 400, [{ field: 'q', reason: expect.stringContaining('percent-encoded UTF-8') as unknown }]]);
      expect(response.headers).toMatchObject({ 'x-correlation-id': expect.any(String) as unknown, 'x-content-type-options': 'nosniff' });
    }
  });

  it('is refused before identity and routing are looked at, and on the web pages', async () => {
    await harness.http.get('/api/v1/national/view?asOf=2004%FF').expect(400);
    await harness.http.get('/api/v1/no-such-route?x=%FF').expect(400);
    await harness.http.get('/?next=%FF').expect(400);
  });

  it('leaves UTF-8 escapes and form spaces read as they say', async () => {
    await harness.http.get('/api/v1/practices?q=caf%C3%A9+au+lait').set(harness.bearer(national)).expect(200);
  });
});
