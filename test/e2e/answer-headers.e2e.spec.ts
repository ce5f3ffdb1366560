import { API_ANSWER_HEADERS } from '@spiral/http';
import { EmbeddedHarness } from './support/embedded-harness';
import { created, localRx1, needBody, registerTeam } from './support/local-spirals';

const HOSTILE = '</text><script>alert(document.cookie)</script><img src=x onerror=alert(1)>';

/**
 * SPEC "Bad input": nothing a user typed runs in another user's browser. Every API answer says it
 * is data (a policy with no script, nosniff), the SVG chart included, whose text is a user's title;
 * the web pages keep their own policy.
 */
describe('answers that carry what users typed', () => {
  let harness: EmbeddedHarness;
  let spiralId: string;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    const teamId = await registerTeam(harness);
    const need = needBody(teamId);
    spiralId = await created(harness, '/spirals', localRx1, { ...need, title: `Falls ${HOSTILE}`, measure: { ...need.measure, name: `Falls ${HOSTILE}` } });
  });
  afterAll(() => harness.stop());

  it('serves chart.svg as inert data: the typed markup escaped, no script allowed by policy', async () => {
    const answer = await harness.http.get(`/api/v1/spirals/${spiralId}/chart.svg`).set(harness.bearer(localRx1)).buffer(true).parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => done(null, text));
    }).expect(200);
    expect(answer.headers).toMatchObject({ 'content-security-policy': API_ANSWER_HEADERS['Content-Security-Policy'], 'x-content-type-options': 'nosniff' });
    expect(API_ANSWER_HEADERS['Content-Security-Policy']).toMatch(/^default-src 'none';/);
    expect(answer.body as string).not.toMatch(/<script|<img/i);
  });

  it('marks JSON answers, refusals and unrouted paths under /api/v1 the same way', async () => {
    const answers = [
      await harness.http.get(`/api/v1/spirals/${spiralId}`).set(harness.bearer(localRx1)).expect(200),
      await harness.http.get(`/api/v1/spirals/${spiralId}`).expect(401),
      await harness.http.get('/API/V1/nowhere').expect(404),
    ];
    for (const answer of answers) expect(answer.headers).toMatchObject({ 'content-security-policy': API_ANSWER_HEADERS['Content-Security-Policy'], 'x-content-type-options': 'nosniff' });
  });

  it('leaves the web pages their own policy', async () => {
    const page = await harness.http.get('/team').expect(200);
    // The pages run their own scripts (script-src 'self'), which the API's policy would forbid.
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });
});
