import { streamIds } from '@spiral/event-catalogue';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';
import { answerOf } from './support/answers';
import { created, localRx1, needBody, post, proposePractice, publishPractice, readSpiral, recogniseNeed, registerTeam, stepBodies } from './support/local-spirals';

const otherOrganisation: Identity = { role: 'local', org: 'RY9', sha: 'Q01' };
const auditor: Identity = { role: 'auditor' };

describe('who may write and read a spiral, and what a write may not undo', () => {
  let harness: EmbeddedHarness;
  let teamId: string;
  let spiralId: string;
  const stored = () => harness.eventStore.readStream(streamIds.spiral(spiralId));

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    ({ teamId, spiralId } = await recogniseNeed(harness));
    await post(harness, `/spirals/${spiralId}/knowledge`, localRx1, stepBodies.knowledge).expect(201);
  });
  afterAll(() => harness.stop());

  /** Sends a write that must be refused with `status`, and checks the spiral's stream is untouched. */
  const refused = async (status: number, path: string, identity: Identity, body: object, headers: Record<string, string> = {}) => {
    const before = await stored();
    const response = await post(harness, path, identity, body, headers).expect(status);
    expect(await stored()).toEqual(before);
    return answerOf(response);
  };

  it('403 to a local user of another organisation, for a new spiral of the team and for a step', async () => {
    await refused(403, '/spirals', otherOrganisation, needBody(teamId));
    await refused(403, `/spirals/${spiralId}/options`, otherOrganisation, stepBodies.options());
  });

  it('403 to an auditor, a regional and a national user writing a spiral', async () => {
    for (const identity of [auditor, { role: 'regional', sha: 'Q01' }, { role: 'national' }] as const) {
      await refused(403, `/spirals/${spiralId}/options`, identity, stepBodies.options());
      await refused(403, '/spirals', identity, needBody(teamId));
    }
  });

  it('lets the team, its region, national users and auditors read the spiral; 403 to another region or organisation', async () => {
    for (const identity of [localRx1, { role: 'regional', sha: 'Q01' }, { role: 'national' }, auditor, { role: 'analyst' }] as const) {
      await readSpiral(harness, spiralId, identity).expect(200);
    }
    await readSpiral(harness, spiralId, { role: 'regional', sha: 'Q02' }).expect(403);
    await readSpiral(harness, spiralId, otherOrganisation).expect(403);
    await harness.http.get(`/api/v1/spirals/${spiralId}`).expect(401);
  });

  it('401 to a token claiming the system role that records gains (SPEC "Access"), for a read and a write', async () => {
    const system: Identity = { role: 'system', sub: 'system:spc' };
    await readSpiral(harness, spiralId, system).expect(401);
    await refused(401, `/spirals/${spiralId}/options`, system, stepBodies.options());
  });

  it('401 to a token naming an organisation or region its role does not act for, which every event it wrote would have stored as its own', async () => {
    for (const surplus of [{ role: 'national', org: 'RX1' }, { role: 'auditor', sha: 'Q01' }, { role: 'regional', sha: 'Q01', org: 'RX1' }] as const) {
      const answer = await readSpiral(harness, spiralId, surplus).expect(401);
      expect(answerOf(answer).message).toContain('org (a code) for local users only');
    }
  });

  it('409 for a stale If-Match, 201 for the current one', async () => {
    const conflict = await refused(409, `/spirals/${spiralId}/options`, localRx1, stepBodies.options(), { 'If-Match': '0' });
    expect(conflict.error).toBe('wrong_expected_revision');
    const current = await post(harness, `/spirals/${spiralId}/options`, localRx1, stepBodies.options(), { 'If-Match': '1' }).expect(201);
    expect(answerOf(current).revision).toBe(2);
  });

  it('422 for an occurredAt before the last fact of the stream', async () => {
    const answer = await refused(422, `/spirals/${spiralId}/options`, localRx1, { ...stepBodies.options(), occurredAt: '2001-01-01' });
    expect(answer.error).toBe('occurred_before_last_fact');
  });

  it('stores a command sent twice with the same Idempotency-Key once, and answers the same both times', async () => {
    const send = () => post(harness, '/spirals', localRx1, needBody(teamId), { 'Idempotency-Key': 'need-2004-01' });
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);
    const retriedId = answerOf(first).id;
    expect(await harness.eventStore.readStream(streamIds.spiral(retriedId))).toHaveLength(1);

    const { spiralId: adopting } = await recogniseNeed(harness);
    for (const [path, body] of [['knowledge', stepBodies.knowledge], ['options', stepBodies.options()], ['adoption', stepBodies.adoption]] as const) {
      await post(harness, `/spirals/${adopting}/${path}`, localRx1, body).expect(201);
    }
    const cycle = () => post(harness, `/spirals/${adopting}/cycles`, localRx1, stepBodies.cycle, { 'Idempotency-Key': 'cycle-1' });
    const cycleFirst = await cycle().expect(201);
    expect((await cycle().expect(201)).body).toEqual(cycleFirst.body);
    expect((await readSpiral(harness, adopting).expect(200)).body).toMatchObject({ cycles: 1, revision: 4 });
  });
});

describe('adopting an option that applies a catalogue practice', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  /** A spiral that appraised one option applying `practiceId`; its facts are dated when given. */
  const deciding = async (practiceId: string, dates: readonly string[] = []) => {
    const teamId = await registerTeam(harness);
    const [recognised, pulled, appraised] = dates.map((occurredAt) => ({ occurredAt }));
    const spiralId = await created(harness, '/spirals', localRx1, { ...needBody(teamId), ...recognised });
    await post(harness, `/spirals/${spiralId}/knowledge`, localRx1, { ...stepBodies.knowledge, ...pulled }).expect(201);
    await post(harness, `/spirals/${spiralId}/options`, localRx1, { ...stepBodies.options(practiceId), ...appraised }).expect(201);
    return spiralId;
  };

  it('422 when the practice is proposed but not published, and nothing is stored', async () => {
    const spiralId = await deciding(await proposePractice(harness));
    const response = await post(harness, `/spirals/${spiralId}/adoption`, localRx1, stepBodies.adoption).expect(422);
    expect(answerOf(response).error).toBe('practice_not_published');
    expect(await harness.eventStore.readStream(streamIds.spiral(spiralId))).toHaveLength(3);
  });

  it('404 when the practice does not exist', async () => {
    const spiralId = await deciding('no-such-practice');
    await post(harness, `/spirals/${spiralId}/adoption`, localRx1, stepBodies.adoption).expect(404);
  });

  it('judges the practice as the catalogue stood at the decision, for history entered late', async () => {
    const practiceId = await proposePractice(harness, '2004-01-01');
    const spiralId = await deciding(practiceId, ['2004-02-01', '2004-03-01', '2004-04-01']);
    // Published now: at a decision of May 2004 the practice was only proposed.
    await publishPractice(harness, practiceId);
    const late = await post(harness, `/spirals/${spiralId}/adoption`, localRx1, { ...stepBodies.adoption, occurredAt: '2004-05-01' }).expect(422);
    expect(answerOf(late).error).toBe('practice_not_published');
    const now = await post(harness, `/spirals/${spiralId}/adoption`, localRx1, stepBodies.adoption).expect(201);
    expect(answerOf(now).revision).toBe(3);
    expect((await readSpiral(harness, spiralId).expect(200)).body).toMatchObject({ step: 'change', adoption: { practiceId, practiceVersion: 1 } });
  });
});
