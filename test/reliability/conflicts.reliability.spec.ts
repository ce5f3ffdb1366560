import { localRx1, needBody, stepBodies, teamBody } from '../e2e/support/local-spirals';
import { ApiClient } from './support/api-client';
import { EmbeddedProcess } from './support/embedded-process';
import { reportFigures } from './support/figures';
import { sized } from './support/profile';

const WRITERS = 50;
const RETRIED_COMMANDS = sized(20, 50);

/**
 * Suite 5 (issue #6): SPEC "Bad input": "a conflicting concurrent write gets a conflict answer,
 * never a lost update" and "a retried command with the same id stores nothing twice".
 */
describe('5. conflicts: one winner among concurrent writers, and retries after a timeout stored once', () => {
  let app: EmbeddedProcess;
  let api: ApiClient;
  const rows: (string | number)[][] = [];
  const headline: string[] = [];

  beforeAll(async () => {
    app = await EmbeddedProcess.start();
    api = new ApiClient(app, WRITERS);
  }, 180_000);
  afterAll(async () => {
    reportFigures({
      suite: 5,
      title: 'Conflicts',
      proves:
        `${WRITERS} concurrent commands on one spiral with the same \`If-Match\`: exactly one is stored (201), every other gets 409, ` +
        'and the stream grows by exactly one event (no lost update). Commands whose client gave up before the answer ' +
        '(aborted after a few milliseconds), then retried with the same `Idempotency-Key`, are stored exactly once each.',
      command: 'npm run test:reliability -- conflicts',
      headline: headline.join('; '),
      columns: ['case', 'commands', '201', '409', 'other answers', 'events added', 'expected events'],
      rows,
    });
    await api?.close();
    await app?.stop();
  });

  it(`${WRITERS} writers with the same If-Match: 1 × 201, ${WRITERS - 1} × 409, the stream grows by 1`, async () => {
    const teamId = await api.created('/teams', localRx1, teamBody());
    const spiralId = await api.created('/spirals', localRx1, needBody(teamId));
    await api.post(`/spirals/${spiralId}/knowledge`, localRx1, stepBodies.knowledge, { 'If-Match': '0' });
    const before = await api.spiralEvents(spiralId);
    expect(before).toHaveLength(2);

    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        api.post(`/spirals/${spiralId}/options`, localRx1, stepBodies.options(), { 'If-Match': '1', 'X-Correlation-Id': `writer-${writer}` }),
      ),
    );
    const count = (status: number) => answers.filter((answer) => answer.status === status).length;
    const after = await api.spiralEvents(spiralId);
    rows.push(['same If-Match, concurrent', WRITERS, count(201), count(409), WRITERS - count(201) - count(409), after.length - before.length, 1]);
    headline.push(`${count(201)} × 201 and ${count(409)} × 409 of ${WRITERS} concurrent writers, stream +${after.length - before.length}`);

    expect(count(201)).toBe(1);
    expect(count(409)).toBe(WRITERS - 1);
    expect(after.map((event) => event.revision)).toEqual([0, 1, 2]);
  }, 120_000);

  it(`${RETRIED_COMMANDS} commands aborted by the client before the answer, retried with the same Idempotency-Key: stored once each`, async () => {
    const teamId = await api.created('/teams', localRx1, teamBody());
    const eventsBefore = await api.storedEvents();
    const key = (index: number) => `need-retry-${index}`;
    const send = (index: number, signal?: AbortSignal) =>
      api.send('POST', '/spirals', { identity: localRx1, body: { ...needBody(teamId), title: `Retried need ${index}` }, headers: { 'Idempotency-Key': key(index) }, signal });

    // The forced timeout: every first attempt is abandoned a few milliseconds after it is sent, as a
    // client timing out would, whether or not the server has stored it by then.
    const firstAttempts = await Promise.allSettled(Array.from({ length: RETRIED_COMMANDS }, (_, index) => send(index, AbortSignal.timeout(3 + (index % 5)))));
    const abandoned = firstAttempts.filter((attempt) => attempt.status === 'rejected').length;
    const retries = await Promise.all(Array.from({ length: RETRIED_COMMANDS }, (_, index) => send(index)));
    const again = await Promise.all(Array.from({ length: RETRIED_COMMANDS }, (_, index) => send(index)));
    const eventsAdded = (await api.storedEvents()) - eventsBefore;
    const created = retries.filter((answer) => answer.status === 201).length;
    rows.push([`aborted then retried twice (${abandoned} abandoned unanswered)`, RETRIED_COMMANDS * 3, created + again.filter((a) => a.status === 201).length, 0, 0, eventsAdded, RETRIED_COMMANDS]);

    headline.push(`${RETRIED_COMMANDS} commands abandoned and retried: ${eventsAdded} events stored`);
    expect(abandoned).toBeGreaterThan(0);
    expect(retries.map((answer) => answer.status)).toEqual(Array(RETRIED_COMMANDS).fill(201));
    expect(again.map((answer) => answer.body)).toEqual(retries.map((answer) => answer.body));
    expect(eventsAdded).toBe(RETRIED_COMMANDS);
  }, 120_000);
});
