import { EmbeddedHarness, type Identity } from './support/embedded-harness';
import { created, localRx1, national } from './support/local-spirals';

interface CatalogueAnswer {
  practices: { practiceId: string; title: string; status: string; specialties: string[]; evidence: string | null; fieldTests: Record<string, unknown>[] }[];
  total: number;
  nextCursor: string | null;
}

const at = (date: string) => ({ occurredAt: `${date}T09:00:00.000Z` });
const proposal = (title: string, specialties: string[], summary = 'A change teams can make.') => ({
  title, summary, origin: 'nhsTeam', originDetail: 'A team in the north west', targetMeasures: ['Door-to-needle time'], specialties, ...at('2003-01-10'),
});

/**
 * SPEC "Access": every role reads the published catalogue; a team searches it by words, specialty
 * and status when it pulls knowledge, and reads each practice's evidence and field-test verdicts.
 */
describe('the practice catalogue through GET /api/v1/practices', () => {
  let harness: EmbeddedHarness;
  let thrombolysis: string;
  let fieldTest: string;
  const search = async (query: string, identity: Identity = localRx1) =>
    (await harness.http.get(`/api/v1/practices${query}`).set(harness.bearer(identity)).expect(200)).body as CatalogueAnswer;

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    thrombolysis = await created(harness, '/practices', national, proposal('Nurse-led thrombolysis', ['stroke medicine'], 'Trained nurses thrombolyse without waiting for a doctor.'));
    await created(harness, `/practices/${thrombolysis}/publication`, national, { evidenceLevel: 'observational', summary: 'Halved the wait.', ...at('2003-02-01') });
    fieldTest = await created(harness, `/practices/${thrombolysis}/field-tests`, national, { sites: ['RX1', 'RY9'], protocol: 'Six months against six.', ...at('2003-03-01') });
    await created(harness, `/field-tests/${fieldTest}/results`, national, { site: 'RX1', measure: 'Door-to-needle time', baselineValue: 72, resultValue: 41, ...at('2003-08-01') });
    await created(harness, `/field-tests/${fieldTest}/conclusion`, national, { verdict: 'effective', effectSize: -0.8, effectScale: 'standardisedMeanDifference', summary: 'A large fall.', ...at('2003-09-01') });
    const falls = await created(harness, '/practices', national, proposal('Falls bundle', ['geriatric medicine', 'stroke medicine']));
    await created(harness, `/practices/${falls}/publication`, national, { evidenceLevel: 'anecdotal', summary: 'Fewer falls.', ...at('2003-02-01') });
    await created(harness, `/practices/${falls}/retirement`, national, { reason: 'Superseded.', ...at('2004-02-01') });
    await created(harness, '/practices', national, proposal('Advanced access', ['general practice']));
    await harness.viewsCaughtUp();
  });
  afterAll(() => harness.stop());

  it('answers every role, each practice with its evidence and field-test verdicts, by title', async () => {
    for (const identity of [localRx1, { role: 'regional', sha: 'Q01' }, national, { role: 'analyst' }, { role: 'auditor' }] as Identity[]) {
      expect((await search('', identity)).practices.map(({ title }) => title)).toEqual(['Advanced access', 'Falls bundle', 'Nurse-led thrombolysis']);
    }
    const [entry] = (await search('?q=thrombolyse')).practices;
    expect(entry).toMatchObject({ practiceId: thrombolysis, status: 'published', evidenceLevel: 'observational', evidence: 'Halved the wait.', specialties: ['stroke medicine'], version: 1 });
    expect(entry?.fieldTests).toEqual([
      { fieldTestId: fieldTest, sites: 2, startedAt: '2003-03-01T09:00:00.000Z', verdict: 'effective', effectSize: -0.8, effectScale: 'standardisedMeanDifference', summary: 'A large fall.', concludedAt: '2003-09-01T09:00:00.000Z' },
    ]);
    await harness.http.get('/api/v1/practices').expect(401);
  });

  it('searches by words, specialty and status, together', async () => {
    const titles = async (query: string) => (await search(query)).practices.map(({ title }) => title);
    expect(await titles('?specialty=Stroke%20Medicine')).toEqual(['Falls bundle', 'Nurse-led thrombolysis']);
    expect(await titles('?specialty=stroke%20medicine&status=published')).toEqual(['Nurse-led thrombolysis']);
    expect(await titles('?status=retired')).toEqual(['Falls bundle']);
    expect(await titles('?status=proposed')).toEqual(['Advanced access']);
    expect(await titles('?q=nurses%20doctor')).toEqual(['Nurse-led thrombolysis']);
    expect(await titles('?q=nothing-like-this')).toEqual([]);
  });

  it('pages by limit and cursor', async () => {
    const first = await search('?limit=2');
    expect(first).toMatchObject({ total: 3, nextCursor: first.practices[1]?.practiceId });
    const second = await search(`?limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(second.practices.map(({ title }) => title)).toEqual(['Nurse-led thrombolysis']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses unknown query parameters and bad values with 400, naming the field', async () => {
    for (const [query, field] of [['?sort=title', 'sort'], ['?status=draft', 'status'], ['?limit=0', 'limit'], ['?limit=ten', 'limit'], ['?cursor=no-such-practice', 'cursor']] as const) {
      const refused = await harness.http.get(`/api/v1/practices${query}`).set(harness.bearer(localRx1)).expect(400);
      expect(JSON.stringify(refused.body)).toContain(field);
    }
  });
});
