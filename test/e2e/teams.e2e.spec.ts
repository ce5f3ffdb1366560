import { streamIds } from '@spiral/event-catalogue';
import { answerOf, bodyOf } from './support/answers';
import { EmbeddedHarness } from './support/embedded-harness';

const localRx1 = { role: 'local', org: 'RX1', sha: 'Q01' } as const;
const team = { name: 'Stroke unit', orgCode: 'RX1', shaCode: 'Q01', specialty: 'stroke' };

describe('POST /api/v1/teams', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  it('registers a team and answers 201 with its id and revision', async () => {
    const response = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).send(team).expect(201);
    const { id } = answerOf(response);
    expect(answerOf(response)).toMatchObject({ streamId: `team-${id}`, revision: 0 });
    expect(response.headers['x-correlation-id']).toEqual(expect.any(String));
    const [stored] = await harness.eventStore.readStream(streamIds.team(id));
    expect(stored).toMatchObject({ type: 'TeamRegistered', data: { ...team, teamId: id }, actor: { role: 'local', org: 'RX1' } });
  });

  it('answers 401 without a token and with a token signed by another secret', async () => {
    await harness.http.post('/api/v1/teams').send(team).expect(401);
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6Im5hdGlvbmFsIn0.c2lnbmF0dXJl';
    await harness.http.post('/api/v1/teams').set('Authorization', `Bearer ${forged}`).send(team).expect(401);
  });

  it('answers 403 to an auditor and to a team of another organisation', async () => {
    await harness.http.post('/api/v1/teams').set(harness.bearer({ role: 'auditor' })).send(team).expect(403);
    await harness.http.post('/api/v1/teams').set(harness.bearer({ role: 'local', org: 'RY9', sha: 'Q01' })).send(team).expect(403);
  });

  it('stores the same Idempotency-Key once and answers as the first time', async () => {
    const send = () => harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('Idempotency-Key', 'register-ward-7').send({ ...team, name: 'Ward 7' });
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);
    expect(await harness.eventStore.readStream(streamIds.team(answerOf(first).id))).toHaveLength(1);
  });

  describe('bad input answers 4xx and stores nothing', () => {
    const cases: [string, unknown, string][] = [
      ['a missing field', { orgCode: 'RX1', shaCode: 'Q01' }, 'name'],
      ['a wrong type', { ...team, name: 42 }, 'name'],
      ['an unknown field', { ...team, nhsNumber: '943 476 5919' }, 'nhsNumber'],
      ['control characters', { ...team, name: 'Ward\u0000 7' }, 'name'],
      ['an impossible occurredAt', { ...team, occurredAt: '2005-02-30' }, 'occurredAt'],
    ];
    it.each(cases)('400 for %s, naming the field', async (_, body, field) => {
      const before = await harness.eventStore.headPosition();
      const response = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).send(body as object).expect(400);
      expect(answerOf(response).problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await harness.eventStore.headPosition()).toBe(before);
    });

    it('400 for malformed JSON', async () => {
      const before = await harness.eventStore.headPosition();
      await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('Content-Type', 'application/json').send('{"name": ').expect(400);
      expect(await harness.eventStore.headPosition()).toBe(before);
    });

    it('413 for a body over the limit', async () => {
      const before = await harness.eventStore.headPosition();
      await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).send({ ...team, name: 'x'.repeat(1_100_000) }).expect(413);
      expect(await harness.eventStore.headPosition()).toBe(before);
    });

    it('400 for an occurredAt in the future', async () => {
      const before = await harness.eventStore.headPosition();
      const response = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).send({ ...team, occurredAt: '2999-01-01T00:00:00Z' }).expect(400);
      expect(answerOf(response).problems).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
      expect(await harness.eventStore.headPosition()).toBe(before);
    });
  });

  it('answers 409 when an Idempotency-Key is reused for a command on another stream', async () => {
    const teamA = answerOf(await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).send({ ...team, name: 'A' }).expect(201)).id;
    const teamB = answerOf(await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).send({ ...team, name: 'B' }).expect(201)).id;
    const capability = { memberRole: 'ward sister', capability: 'PDSA cycles', level: 'practitioner' };
    const send = (teamId: string) =>
      harness.http.post(`/api/v1/teams/${teamId}/capabilities`).set(harness.bearer(localRx1)).set('Idempotency-Key', 'capability-1').send(capability);
    await send(teamA).expect(201);
    const before = await harness.eventStore.headPosition();
    expect(answerOf(await send(teamB).expect(409)).error).toBe('event_id_in_use');
    expect(await harness.eventStore.headPosition()).toBe(before);
  });

  it('answers 422 naming the key when an Idempotency-Key is reused with another body, and stores nothing', async () => {
    const send = (name: string) => harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('Idempotency-Key', 'register-ward-9').send({ ...team, name });
    await send('Ward 9').expect(201);
    const before = await harness.eventStore.headPosition();
    const reused = await send('Ward 10').expect(422);
    expect(answerOf(reused)).toMatchObject({ error: 'idempotency_key_reused', message: expect.stringContaining('register-ward-9') as unknown });
    expect(await harness.eventStore.headPosition()).toBe(before);
  });

  it('gives another organisation\'s user with the same sub and key its own answer, never the first one\'s', async () => {
    const sameSub = (org: string) => harness.bearer({ role: 'local', org, sha: 'Q01', sub: 'shared-sub' });
    const send = (org: string) => harness.http.post('/api/v1/teams').set(sameSub(org)).set('Idempotency-Key', 'register-shared').send({ ...team, orgCode: org, name: 'Shared' });
    const first = answerOf(await send('RX1').expect(201));
    const other = answerOf(await send('RY9').expect(201));
    expect(other.id).not.toBe(first.id);
  });

  it('keeps what it stored across a restart of the process', async () => {
    const created = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).send({ ...team, name: 'Restart ward' }).expect(201);
    await harness.restart();
    const stored = await harness.eventStore.readStream(streamIds.team(answerOf(created).id));
    expect(stored.map((event) => event.type)).toEqual(['TeamRegistered']);
  });
});

describe('health and OpenAPI', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  it('GET /api/v1/health answers 200 with every engine', async () => {
    const response = await harness.http.get('/api/v1/health').expect(200);
    expect(bodyOf(response)['status']).toBe('ok');
    expect(Object.keys(bodyOf(response)['engines'] as object)).toEqual(expect.arrayContaining(['eventStore', 'viewStore', 'eventFeed']));
  });

  it('serves the OpenAPI document with the request schemas', async () => {
    const response = await harness.http.get('/api/docs-json').expect(200);
    const document = bodyOf(response) as { paths: object; components: { schemas: Record<string, { properties?: object }> } };
    expect(document.paths).toHaveProperty(['/api/v1/teams']);
    // Every request schema carries its fields, nested ones too (points of a measurement request).
    expect(document.components.schemas['RegisterTeamRequest']?.properties).toHaveProperty('name');
    expect(document.components.schemas['MeasurementPoint']?.properties).toHaveProperty('period');
  });
});
