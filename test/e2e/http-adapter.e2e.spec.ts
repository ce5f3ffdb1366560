import { gzipSync } from 'node:zlib';
import { listenLocally } from '@spiral/web/testing';
import { answerOf } from './support/answers';
import { EmbeddedHarness } from './support/embedded-harness';

const localRx1 = { role: 'local', org: 'RX1', sha: 'Q01' } as const;
const team = { name: 'Stroke unit', orgCode: 'RX1', shaCode: 'Q01', specialty: 'stroke' };
const errorBody = { statusCode: expect.any(Number) as unknown, error: expect.any(String) as unknown, message: expect.any(String) as unknown };

/**
 * What the API promised on Express and keeps on Fastify (issue #14) that no other suite pins: the
 * routing, how a body of another type or encoding is read, the correlation id on every answer, and
 * the OpenAPI page with its assets. Fastify's own error format never reaches a client.
 */
describe('the HTTP adapter', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  it('routes a path with a trailing slash or in other letter case as the path itself', async () => {
    await harness.http.post('/api/v1/teams/').set(harness.bearer(localRx1)).send(team).expect(201);
    await harness.http.post('/API/V1/Teams').set(harness.bearer(localRx1)).send({ ...team, name: 'Ward 2' }).expect(201);
  });

  it('reads a gzip body as JSON, and a body of another content type as none', async () => {
    // Through a socket: supertest would serialise the Buffer as JSON under this Content-Type.
    const base = await listenLocally(harness);
    const zipped = gzipSync(JSON.stringify({ ...team, name: 'Ward 3' }));
    const headers = { ...harness.bearer(localRx1), 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };
    expect((await fetch(`${base}/api/v1/teams`, { method: 'POST', headers, body: zipped })).status).toBe(201);
    const text = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('Content-Type', 'text/plain').send(JSON.stringify(team)).expect(400);
    expect(text.body).toMatchObject({ ...errorBody, error: 'invalid_input' });
  });

  it('refuses a Content-Type that is not one, and an unknown charset, in its own error body', async () => {
    const garbled = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('Content-Type', 'json please').send(JSON.stringify(team)).expect(415);
    expect(garbled.body).toEqual({ ...errorBody, statusCode: 415 });
    const charset = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('Content-Type', 'application/json; charset=klingon').send(JSON.stringify(team)).expect(415);
    expect(charset.body).toEqual({ ...errorBody, statusCode: 415, error: 'charset.unsupported' });
  });

  it('answers an over-long id with 400 naming it, not the router not finding it', async () => {
    const answer = await harness.http.get(`/api/v1/spirals/${'a'.repeat(500)}`).set(harness.bearer(localRx1)).expect(400);
    expect(answerOf(answer).problems.map(({ field }) => field)).toContain('id');
  });

  it('echoes the correlation id given, and makes one for a refused or unrouted request', async () => {
    const given = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('X-Correlation-Id', 'ward-7.run:1').send({ ...team, name: 'Ward 4' }).expect(201);
    expect(given.headers['x-correlation-id']).toBe('ward-7.run:1');
    const refused = await harness.http.post('/api/v1/teams').send(team).expect(401);
    const unrouted = await harness.http.get('/api/v1/nowhere').expect(404);
    for (const answer of [refused, unrouted]) expect(answer.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(unrouted.body).toEqual({ ...errorBody, statusCode: 404 });
  });

  it('refuses a command whose correlation id cannot be carried as sent, naming it, and stores nothing; a read answers with a fresh one', async () => {
    const before = await harness.eventStore.headPosition();
    for (const bad of ['ward 7', 'x'.repeat(101), 'a=b;c', 'one, two']) {
      const answer = await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).set('X-Correlation-Id', bad).send({ ...team, name: 'Ward 5' }).expect(400);
      expect(answerOf(answer).problems.map(({ field }) => field)).toEqual(['X-Correlation-Id']);
    }
    expect(await harness.eventStore.headPosition()).toBe(before);
    const read = await harness.http.get('/api/v1/health').set('X-Correlation-Id', 'ward 7').expect(200);
    expect(read.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a URL it cannot decode in its own error body, with a correlation id', async () => {
    const answer = await harness.http.get('/api/v1/spirals/%E0%A4%A').set(harness.bearer(localRx1)).expect(400);
    expect(answer.body).toEqual({ ...errorBody, statusCode: 400, message: expect.stringMatching(/percent-encode each part of the path as UTF-8$/) as unknown });
    expect(answer.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI page and its assets', async () => {
    const page = await harness.http.get('/api/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
    await harness.http.get('/api/docs/swagger-ui.css').expect(200).expect('Content-Type', /text\/css/);
  });
});
