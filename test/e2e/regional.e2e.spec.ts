import { streamIds } from '@spiral/event-catalogue';
import { answerOf as answer } from './support/answers';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';


const regionQ01: Identity = { role: 'regional', sha: 'Q01' };
const regionQ02: Identity = { role: 'regional', sha: 'Q02' };
const national: Identity = { role: 'national' };

const priority = {
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  rationale: 'Thrombolysis within the hour saves brain.',
};
const network = { name: 'Stroke network', kind: 'communityOfPractice', purpose: 'Share what works in hyperacute stroke care.' };

describe('regional facts through /api/v1/regions/:sha', () => {
  let harness: EmbeddedHarness;
  let teamQ01: string;
  let teamQ02: string;
  let publishedPractice: string;
  let proposedPractice: string;

  const post = (path: string, identity: Identity, body: object) => harness.http.post(`/api/v1${path}`).set(harness.bearer(identity)).send(body);
  const created = async (path: string, identity: Identity, body: object): Promise<string> => answer(await post(path, identity, body).expect(201)).id;
  const registerTeam = (orgCode: string, shaCode: string) => created('/teams', { role: 'local', org: orgCode, sha: shaCode }, { name: `Stroke unit ${orgCode}`, orgCode, shaCode });
  const proposePractice = () =>
    created('/practices', national, { title: 'Nurse-led thrombolysis', summary: 'Nurses thrombolyse.', origin: 'research', originDetail: 'A trial', targetMeasures: ['Door-to-needle time'] });
  const support = (teamId: string) => ({ teamId, kind: 'airCover', description: 'The region stands behind the pilot.' });
  // Only organisations a fact has named (a team registered there) and of the strategy's own region.
  const strategy = (practiceId: string) => ({ practiceId, organisations: ['RX1'], approach: 'Facilitated visits from the first adopters.' });
  const storedIn = (streamId: string) => harness.eventStore.readStream(streamId);

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    teamQ01 = await registerTeam('RX1', 'Q01');
    teamQ02 = await registerTeam('RY1', 'Q02');
    proposedPractice = await proposePractice();
    publishedPractice = await proposePractice();
    await post(`/practices/${publishedPractice}/publication`, national, { evidenceLevel: 'observational', summary: 'Halved the time.' }).expect(201);
  });
  afterAll(() => harness.stop());

  it('stores every regional fact and answers 201 with the id the server made', async () => {
    const priorityId = await created('/regions/Q01/priorities', regionQ01, { ...priority, until: '2099-03-31' });
    const supportId = await created('/regions/Q01/support', regionQ01, support(teamQ01));
    const strategyId = await created('/regions/Q01/spread-strategies', regionQ01, strategy(publishedPractice));
    const region = await storedIn(streamIds.region('Q01'));
    expect(region.map((event) => event.data)).toEqual([
      { ...priority, shaCode: 'Q01', priorityId, until: '2099-03-31' },
      { ...support(teamQ01), shaCode: 'Q01', supportId },
      { ...strategy(publishedPractice), shaCode: 'Q01', strategyId },
    ]);
    expect(region.map((event) => event.actor)).toEqual(Array(3).fill(expect.objectContaining({ role: 'regional', region: 'Q01' })));
  });

  it('forms a network that the region enrols a team in and a team joins of its own accord', async () => {
    const formed = await post('/regions/Q01/networks', regionQ01, network).expect(201);
    const networkId = answer(formed).id;
    expect(formed.body).toMatchObject({ streamId: streamIds.network(networkId), revision: 0 });
    await post(`/regions/Q01/networks/${networkId}/members`, regionQ01, { teamId: teamQ01 }).expect(201);
    const teamRx2 = await registerTeam('RX2', 'Q01');
    const joined = await post(`/regions/Q01/networks/${networkId}/members`, { role: 'local', org: 'RX2', sha: 'Q01' }, { teamId: teamRx2 }).expect(201);
    expect(joined.body).toMatchObject({ id: networkId, revision: 2 });
    expect((await storedIn(streamIds.network(networkId))).map((event) => [event.type, event.data])).toEqual([
      ['NetworkFormed', { ...network, networkId, shaCode: 'Q01' }],
      ['NetworkJoined', { networkId, teamId: teamQ01, orgCode: 'RX1' }],
      ['NetworkJoined', { networkId, teamId: teamRx2, orgCode: 'RX2' }],
    ]);

    const read = await harness.http.get(`/api/v1/regions/Q01/networks/${networkId}`).set(harness.bearer(regionQ01)).expect(200);
    expect(read.body).toEqual({
      networkId,
      shaCode: 'Q01',
      name: network.name,
      kind: network.kind,
      members: [{ teamId: teamQ01, orgCode: 'RX1' }, { teamId: teamRx2, orgCode: 'RX2' }],
      revision: 2,
    });
    await harness.http.get(`/api/v1/regions/Q01/networks/${networkId}`).set(harness.bearer({ role: 'auditor' })).expect(200);
    await harness.http.get(`/api/v1/regions/Q01/networks/${networkId}`).set(harness.bearer(regionQ02)).expect(403);
    await harness.http.get(`/api/v1/regions/Q02/networks/${networkId}`).set(harness.bearer(national)).expect(404);
    await harness.http.get('/api/v1/regions/Q01/networks/no-such-network').set(harness.bearer(national)).expect(404);
    await post(`/regions/Q02/networks/${networkId}/members`, regionQ02, { teamId: teamQ02 }).expect(404);
  });

  describe('access', () => {
    let networkId: string;
    beforeAll(async () => {
      networkId = await created('/regions/Q01/networks', regionQ01, network);
    });

    const writes = (): [string, object][] => [
      ['/regions/Q01/priorities', priority],
      ['/regions/Q01/support', support(teamQ01)],
      ['/regions/Q01/spread-strategies', strategy(publishedPractice)],
      ['/regions/Q01/networks', network],
      [`/regions/Q01/networks/${networkId}/members`, { teamId: teamQ01 }],
    ];

    const outsiders: [string, Identity][] = [
      ['a regional user of another SHA', regionQ02],
      ['a national user', national],
      ['an auditor', { role: 'auditor' }],
    ];
    it.each(outsiders)('answers 403 to %s on every write and stores nothing', async (_, identity) => {
      const before = await harness.eventStore.headPosition();
      for (const [path, body] of writes()) await post(path, identity, body).expect(403);
      expect(await harness.eventStore.headPosition()).toBe(before);
    });

    it('answers 403 to a local user joining a team of another organisation', async () => {
      await post(`/regions/Q01/networks/${networkId}/members`, { role: 'local', org: 'RX9', sha: 'Q01' }, { teamId: teamQ01 }).expect(403);
    });
  });

  describe('bad input answers 400 naming the field and stores nothing', () => {
    const cases: [string, string, object, string][] = [
      ['a missing field', '/regions/Q01/priorities', { measure: priority.measure }, 'rationale'],
      ['a missing nested field', '/regions/Q01/priorities', { ...priority, measure: { name: 'x', unit: 'y' } }, 'measure.improvement'],
      ['a server-made id in the body', '/regions/Q01/priorities', { ...priority, priorityId: 'mine' }, 'priorityId'],
      ['an unknown field', '/regions/Q01/support', { ...support('t-1'), nhsNumber: '943 476 5919' }, 'nhsNumber'],
      ['a wrong type', '/regions/Q01/spread-strategies', { ...strategy('p-1'), organisations: 'RX1' }, 'organisations'],
      ['a kind not offered', '/regions/Q01/networks', { ...network, kind: 'club' }, 'kind'],
      ['an impossible date', '/regions/Q01/priorities', { ...priority, until: '2005-02-30' }, 'until'],
      ['a malformed SHA in the path', '/regions/Q%2001/priorities', priority, 'sha'],
    ];
    it.each(cases)('400 for %s', async (_, path, body, field) => {
      const before = await harness.eventStore.headPosition();
      const response = await post(path, regionQ01, body).expect(400);
      expect(answer(response).problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await harness.eventStore.headPosition()).toBe(before);
    });
  });

  describe('rules', () => {
    it.each([
      ['supporting a team of another region', '/regions/Q01/support', () => support(teamQ02), 422, 'team_outside_region'],
      ['spreading a practice not yet published', '/regions/Q01/spread-strategies', () => strategy(proposedPractice), 422, 'practice_not_published'],
      ['supporting an unknown team', '/regions/Q01/support', () => support('no-such-team'), 404, 'not_found'],
      ['spreading an unknown practice', '/regions/Q01/spread-strategies', () => strategy('no-such-practice'), 404, 'not_found'],
      ['spreading into another region\'s organisation', '/regions/Q01/spread-strategies', () => ({ ...strategy(publishedPractice), organisations: ['RX1', 'RY1'] }), 422, 'organisations_outside_region'],
      ['spreading into an organisation no fact names', '/regions/Q01/spread-strategies', () => ({ ...strategy(publishedPractice), organisations: ['NOWHERE1'] }), 422, 'organisations_outside_region'],
      ['registering a team in an organisation another region holds', '/teams', () => ({ name: 'Moved unit', orgCode: 'RY1', shaCode: 'Q01' }), 422, 'organisation_in_another_region'],
      ['joining an unknown network', '/regions/Q01/networks/no-such-network/members', () => ({ teamId: teamQ01 }), 404, 'not_found'],
    ])('refuses %s and stores nothing', async (_, path, body, status, error) => {
      const before = await harness.eventStore.headPosition();
      const response = await post(path, regionQ01, body()).expect(status);
      expect(answer(response).error).toBe(error);
      expect(await harness.eventStore.headPosition()).toBe(before);
    });
  });

  it('answers 409 to a stale If-Match and stores nothing', async () => {
    const current = (await storedIn(streamIds.region('Q01'))).length - 1;
    const send = (revision: number) => post('/regions/Q01/priorities', regionQ01, priority).set('If-Match', String(revision));
    await send(current).expect(201);
    const before = await harness.eventStore.headPosition();
    await send(current).expect(409);
    expect(await harness.eventStore.headPosition()).toBe(before);
  });

  it('stores a command retried with the same Idempotency-Key once and answers as the first time', async () => {
    const send = () => post('/regions/Q01/support', regionQ01, support(teamQ01)).set('Idempotency-Key', 'support-rx1-once');
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);
    const supports = (await storedIn(streamIds.region('Q01'))).filter((event) => (event.data as { supportId?: string }).supportId === answer(first).id);
    expect(supports).toHaveLength(1);
  });
});
