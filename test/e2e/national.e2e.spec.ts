import { streamIds } from '@spiral/event-catalogue';
import { answerOf as answer } from './support/answers';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';


const national: Identity = { role: 'national' };
const localRx1: Identity = { role: 'local', org: 'RX1', sha: 'Q01' };
const auditor: Identity = { role: 'auditor' };

const practice = {
  title: 'Nurse-led thrombolysis',
  summary: 'Specialist nurses assess and thrombolyse without waiting for a physician.',
  origin: 'otherHealthSystem',
  originDetail: 'Helsinki University Hospital',
  targetMeasures: ['Door-to-needle time'],
};
const publication = { evidenceLevel: 'observational', summary: 'Halved door-to-needle time at the originating site.' };
const fieldTest = { sites: ['RX1', 'RX2'], protocol: 'Six months of door-to-needle times against the previous six.' };
const siteResult = { site: 'RX1', measure: 'Door-to-needle time', baselineValue: 72, resultValue: 41, notes: 'Two nurses trained.' };
const conclusion = { verdict: 'effective', effectSize: -0.8, summary: 'A large fall in door-to-needle time.' };
const nationalPriority = {
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  rationale: 'The National Stroke Strategy asks for thrombolysis within the hour.',
};

describe('national facts through /api/v1', () => {
  let harness: EmbeddedHarness;

  const post = (path: string, identity: Identity, body: object) => harness.http.post(`/api/v1${path}`).set(harness.bearer(identity)).send(body);
  const get = (path: string, identity: Identity) => harness.http.get(`/api/v1${path}`).set(harness.bearer(identity));
  const created = async (path: string, body: object): Promise<string> => answer(await post(path, national, body).expect(201)).id;
  const storedIn = async (streamId: string) => (await harness.eventStore.readStream(streamId)).map((event) => [event.type, event.data]);

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  it('proposes, publishes, revises and retires a practice, each answered 201 with the new revision', async () => {
    const proposed = await post('/practices', national, practice).expect(201);
    const practiceId = answer(proposed).id;
    expect(proposed.body).toMatchObject({ streamId: streamIds.practice(practiceId), revision: 0 });
    await post(`/practices/${practiceId}/publication`, national, publication).expect(201);
    await post(`/practices/${practiceId}/revision`, national, { changes: 'Adds the triage protocol.' }).expect(201);
    const retired = await post(`/practices/${practiceId}/retirement`, national, { reason: 'Superseded.' }).expect(201);
    expect(retired.body).toMatchObject({ id: practiceId, revision: 3 });
    expect(await storedIn(streamIds.practice(practiceId))).toEqual([
      ['PracticeProposed', { ...practice, practiceId }],
      ['PracticePublished', { ...publication, practiceId, version: 1 }],
      ['PracticeRevised', { practiceId, version: 2, evidenceLevel: 'observational', changes: 'Adds the triage protocol.' }],
      ['PracticeRetired', { practiceId, reason: 'Superseded.' }],
    ]);
  });

  it('field-tests a practice at its sites and concludes with a verdict', async () => {
    const practiceId = await created('/practices', practice);
    const fieldTestId = await created(`/practices/${practiceId}/field-tests`, fieldTest);
    await post(`/field-tests/${fieldTestId}/results`, national, siteResult).expect(201);
    const concluded = await post(`/field-tests/${fieldTestId}/conclusion`, national, conclusion).expect(201);
    expect(concluded.body).toMatchObject({ id: fieldTestId, streamId: streamIds.fieldTest(fieldTestId), revision: 2 });
    expect(await storedIn(streamIds.fieldTest(fieldTestId))).toEqual([
      ['FieldTestStarted', { ...fieldTest, fieldTestId, practiceId }],
      ['FieldTestSiteReported', { ...siteResult, fieldTestId }],
      ['FieldTestConcluded', { ...conclusion, fieldTestId, practiceId, effectScale: 'protocol' }],
    ]);

    const read = await get(`/field-tests/${fieldTestId}`, auditor).expect(200);
    expect(read.body).toEqual({
      fieldTestId,
      practiceId,
      status: 'concluded',
      sites: fieldTest.sites,
      results: [{ ...siteResult, fieldTestId }],
      verdict: 'effective',
      effectSize: -0.8,
      revision: 2,
    });
    await get(`/field-tests/${fieldTestId}`, localRx1).expect(403);
    await get('/field-tests/no-such-test', national).expect(404);
  });

  it('sets a national priority on the one national priorities stream', async () => {
    const priorityId = await created('/priorities', { ...nationalPriority, until: '2099-03-31' });
    const stored = await storedIn(streamIds.nationalPriorities());
    expect(stored).toContainEqual(['NationalPrioritySet', { ...nationalPriority, priorityId, until: '2099-03-31' }]);
  });

  it('reads a practice as it stands, to any signed-in role, with the revision for If-Match', async () => {
    const practiceId = await created('/practices', practice);
    await post(`/practices/${practiceId}/publication`, national, publication).expect(201);
    await harness.viewsCaughtUp();
    const read = await get(`/practices/${practiceId}`, localRx1).expect(200);
    expect(read.body).toEqual({
      practiceId,
      status: 'published',
      title: practice.title,
      origin: practice.origin,
      targetMeasures: practice.targetMeasures,
      version: 1,
      evidenceLevel: 'observational',
      firstPublishedAt: expect.any(String) as unknown,
      revision: 1,
      catalogue: expect.objectContaining({ practiceId, status: 'published', evidence: publication.summary, fieldTests: [] }) as unknown,
    });
    await get('/practices/no-such-practice', national).expect(404);
    await harness.http.get(`/api/v1/practices/${practiceId}`).expect(401);
  });

  it('answers 403 to a local user and an auditor on every national write and stores nothing', async () => {
    const practiceId = await created('/practices', practice);
    const fieldTestId = await created(`/practices/${practiceId}/field-tests`, fieldTest);
    const writes: [string, object][] = [
      ['/practices', practice],
      [`/practices/${practiceId}/publication`, publication],
      [`/practices/${practiceId}/revision`, { changes: 'More.' }],
      [`/practices/${practiceId}/retirement`, { reason: 'Gone.' }],
      [`/practices/${practiceId}/field-tests`, fieldTest],
      [`/field-tests/${fieldTestId}/results`, siteResult],
      [`/field-tests/${fieldTestId}/conclusion`, conclusion],
      ['/priorities', nationalPriority],
    ];
    const before = await harness.eventStore.headPosition();
    for (const identity of [localRx1, auditor, { role: 'regional', sha: 'Q01' } as Identity]) {
      for (const [path, body] of writes) await post(path, identity, body).expect(403);
    }
    expect(await harness.eventStore.headPosition()).toBe(before);
  });

  describe('bad input answers 400 naming the field and stores nothing', () => {
    const cases: [string, string, object, string][] = [
      ['a missing field', '/practices', { ...practice, title: undefined }, 'title'],
      ['a server-made id in the body', '/practices', { ...practice, practiceId: 'mine' }, 'practiceId'],
      ['an unknown field', '/priorities', { ...nationalPriority, patientName: 'A. Patient' }, 'patientName'],
      ['a wrong type', '/field-tests/ft-1/results', { ...siteResult, resultValue: '41' }, 'resultValue'],
      ['an empty list', '/practices/p-1/field-tests', { ...fieldTest, sites: [] }, 'sites'],
      ['an evidence level not offered', '/practices/p-1/revision', { changes: 'More.', evidenceLevel: 'hearsay' }, 'evidenceLevel'],
      ['a version in the body', '/practices/p-1/publication', { ...publication, version: 7 }, 'version'],
      ['a malformed id in the path', '/practices/p%201/retirement', { reason: 'Gone.' }, 'id'],
    ];
    it.each(cases)('400 for %s', async (_, path, body, field) => {
      const before = await harness.eventStore.headPosition();
      const response = await post(path, national, body).expect(400);
      expect(answer(response).problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await harness.eventStore.headPosition()).toBe(before);
    });
  });

  describe('rules', () => {
    let practiceId: string;
    let fieldTestId: string;
    beforeAll(async () => {
      practiceId = await created('/practices', practice);
      fieldTestId = await created(`/practices/${practiceId}/field-tests`, fieldTest);
    });

    it.each([
      ['a result from a site not listed', () => `/field-tests/${fieldTestId}/results`, { ...siteResult, site: 'RZ9' }, 422, 'site_not_listed'],
      ['a conclusion before any result', () => `/field-tests/${fieldTestId}/conclusion`, conclusion, 422, 'no_site_results'],
      ['revising a practice never published', () => `/practices/${practiceId}/revision`, { changes: 'More.' }, 422, 'practice_not_published'],
      ['publishing an unknown practice', () => '/practices/no-such-practice/publication', publication, 404, 'not_found'],
      ['field-testing an unknown practice', () => '/practices/no-such-practice/field-tests', fieldTest, 404, 'not_found'],
      ['a result for an unknown field test', () => '/field-tests/no-such-test/results', siteResult, 404, 'not_found'],
    ])('refuses %s and stores nothing', async (_, path, body, status, error) => {
      const before = await harness.eventStore.headPosition();
      const response = await post(path(), national, body).expect(status);
      expect(answer(response).error).toBe(error);
      expect(await harness.eventStore.headPosition()).toBe(before);
    });
  });

  it('answers 409 to a stale If-Match and stores nothing', async () => {
    const practiceId = await created('/practices', practice);
    const publish = (revision: number) => post(`/practices/${practiceId}/publication`, national, publication).set('If-Match', String(revision));
    await publish(0).expect(201);
    const before = await harness.eventStore.headPosition();
    const stale = await publish(0).expect(409);
    expect(answer(stale).message).toEqual(expect.any(String));
    expect(await harness.eventStore.headPosition()).toBe(before);
    expect((await get(`/practices/${practiceId}`, national).expect(200)).body).toMatchObject({ version: 1, revision: 1 });
  });

  it('stores a command retried with the same Idempotency-Key once and answers as the first time', async () => {
    const send = () => post('/practices', national, practice).set('Idempotency-Key', 'propose-nurse-led-once');
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);
    expect(await harness.eventStore.readStream(streamIds.practice(answer(first).id))).toHaveLength(1);
  });
});
