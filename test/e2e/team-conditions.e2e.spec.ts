import { streamIds } from '@spiral/event-catalogue';
import { badInputsFor, expectRefused, type CommandRoute, type Ids } from './support/bad-input';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';
import { answerOf, anyArray, anyString } from './support/answers';
import { localRx1, post, registerTeam, teamBody } from './support/local-spirals';

const regionQ01: Identity = { role: 'regional', sha: 'Q01' };
const capability = { memberRole: 'staff nurse', capability: 'PDSA cycles', level: 'practitioner' };
const support = { kind: 'facilitation', description: 'A facilitator ran our first PDSA cycle with us.' };

const teamRoutes: Record<string, CommandRoute> = {
  capabilities: { path: '/teams/{teamId}/capabilities', body: capability, required: 'level', text: 'memberRole' },
  'support-received': { path: '/teams/{teamId}/support-received', body: support, required: 'kind', text: 'description' },
};

describe("a team's leadership development and local conditions", () => {
  let harness: EmbeddedHarness;
  let teamId: string;
  const stored = () => harness.eventStore.readStream(streamIds.team(teamId));
  const readTeam = (identity: Identity, id = teamId) => harness.http.get(`/api/v1/teams/${id}`).set(harness.bearer(identity));

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    teamId = await registerTeam(harness);
  });
  afterAll(() => harness.stop());

  it("records a member's capability and support received, from the team and from its region", async () => {
    expect((await post(harness, `/teams/${teamId}/capabilities`, localRx1, capability).expect(201)).body).toMatchObject({ id: teamId, revision: 1 });
    await post(harness, `/teams/${teamId}/support-received`, localRx1, support).expect(201);
    await post(harness, `/teams/${teamId}/support-received`, regionQ01, { ...support, kind: 'airCover' }).expect(201);
    const [, recorded, byTeam, byRegion] = await stored();
    expect(recorded).toMatchObject({ type: 'MemberCapabilityRecorded', data: { ...capability, teamId } });
    expect(byTeam).toMatchObject({ type: 'TeamSupportReceived', data: { ...support, teamId } });
    expect(byRegion).toMatchObject({ type: 'TeamSupportReceived', data: { kind: 'airCover', teamId, fromShaCode: 'Q01' } });
  });

  it('answers GET /teams/:id with the team as registered and what is recorded of it', async () => {
    const response = await readTeam(regionQ01).expect(200);
    expect(response.body).toEqual({
      id: teamId,
      revision: 3,
      ...teamBody(),
      capabilities: 1,
      supportReceived: 2,
      history: anyArray,
    });
    expect((response.body as { history: unknown[] }).history[3]).toEqual({
      revision: 3,
      type: 'TeamSupportReceived',
      occurredAt: anyString,
      recordedAt: anyString,
      actor: { id: 'regional-Q01', role: 'regional' },
    });
    await readTeam(localRx1).expect(200);
    await readTeam({ role: 'auditor' }).expect(200);
    await readTeam({ role: 'regional', sha: 'Q02' }).expect(403);
    await readTeam({ role: 'local', org: 'RY9', sha: 'Q01' }).expect(403);
    await readTeam(localRx1, 'no-such-team').expect(404);
    await readTeam(localRx1, 'bad%20id').expect(400);
  });

  it('403 to another organisation, another region, an auditor, and a region recording capabilities', async () => {
    const refusals: [string, Identity, object][] = [
      ['capabilities', { role: 'local', org: 'RY9', sha: 'Q01' }, capability],
      ['capabilities', regionQ01, capability],
      ['capabilities', { role: 'auditor' }, capability],
      ['support-received', { role: 'regional', sha: 'Q02' }, support],
      ['support-received', regionQ01, { ...support, fromShaCode: 'Q02' }],
      ['support-received', { role: 'auditor' }, support],
    ];
    for (const [path, identity, body] of refusals) {
      const before = await stored();
      await post(harness, `/teams/${teamId}/${path}`, identity, body).expect(403);
      expect(await stored()).toEqual(before);
    }
  });

  it('409 for a stale If-Match, 422 for an occurredAt before the last fact, 404 for no team; nothing stored', async () => {
    const before = await stored();
    expect(answerOf(await post(harness, `/teams/${teamId}/capabilities`, localRx1, capability, { 'If-Match': '0' }).expect(409)).error).toBe('wrong_expected_revision');
    const late = await post(harness, `/teams/${teamId}/capabilities`, localRx1, { ...capability, occurredAt: '2001-01-01' }).expect(422);
    expect(answerOf(late).error).toBe('occurred_before_last_fact');
    await post(harness, '/teams/no-such-team/capabilities', localRx1, capability).expect(404);
    expect(await stored()).toEqual(before);
  });

  it('stores a command sent twice with the same Idempotency-Key once, and answers the same both times', async () => {
    const send = () => post(harness, `/teams/${teamId}/support-received`, localRx1, support, { 'Idempotency-Key': 'support-1' });
    const first = await send().expect(201);
    expect((await send().expect(201)).body).toEqual(first.body);
    expect(await stored()).toHaveLength(answerOf(first).revision + 1);
  });

  describe.each(Object.entries(teamRoutes))('bad input on POST /teams/:id/%s answers 400 naming the field, and stores nothing', (_, route) => {
    // Read when each test runs: the team is registered in the suite's beforeAll.
    const ids = (): Ids => ({ teamId, spiralId: '' });
    it.each(badInputsFor(route).map((input) => [input.label, input] as const))('400 for %s', (_label, input) => expectRefused(harness, localRx1, route, input, ids()));
    it('400 naming id for a malformed team id', () =>
      expectRefused(harness, localRx1, { ...route, path: route.path.replace('{teamId}', 'not%20an%20id') }, { label: 'a bad id', json: JSON.stringify(route.body), field: 'id' }, ids()),
    );
  });

  it('keeps what it stored across a restart of the process', async () => {
    const before = (await readTeam(localRx1).expect(200)).body as unknown;
    await harness.restart();
    expect((await readTeam(localRx1).expect(200)).body).toEqual(before);
  });
});
