import { answerOf } from './support/answers';
import { EmbeddedHarness } from './support/embedded-harness';
import { localRx1, needBody, post, registerTeam, teamBody } from './support/local-spirals';

/**
 * SPEC "Bad input": a name or a text that must say something shows at least one letter, digit,
 * symbol or punctuation mark. U+3164 HANGUL FILLER or U+2800 BRAILLE PATTERN BLANK alone passed as a
 * "non-empty" team name or spiral title, and listed as a blank row on every view and page.
 */
describe('a text that must say something', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  const fieldsOf = (response: { status: number; body: unknown }) => [response.status, answerOf(response).problems?.map(({ field }) => field)];

  it('is refused when it shows nothing, and nothing is stored', async () => {
    for (const blank of ['\u3164', '\u2800', '\u115F\u1160', '\uFFA0\uFFA0', 'Ward 7\u3164']) {
      expect(fieldsOf(await post(harness, '/teams', localRx1, { ...teamBody(), name: blank }))).toEqual([400, ['name']]);
    }
    expect(await harness.eventStore.headPosition()).toBe(0);
    const teamId = await registerTeam(harness);
    expect(fieldsOf(await post(harness, '/spirals', localRx1, { ...needBody(teamId), title: '\u2800', gap: '\u200D\u3164' }))).toEqual([400, ['title', 'gap']]);
  });

  it('is refused as the user id of a token', async () => {
    await harness.http.get('/api/v1/practices').set(harness.bearer({ ...localRx1, sub: '\u3164' })).expect(401);
  });
});
