import { EmbeddedHarness } from './support/embedded-harness';
import { answerOf, anyArray, anyString } from './support/answers';
import { created, localRx1, needBody, post, publishedPractice, readSpiral, recogniseNeed, registerTeam, stepBodies } from './support/local-spirals';

/** GET /spirals/:id body as these tests read it. */
interface SpiralBody {
  readonly id: string;
  readonly revision: number;
  readonly step: string;
  readonly history: readonly { readonly revision: number; readonly type: string }[];
}
const spiralOf = (response: { body: unknown }) => response.body as SpiralBody;

describe('a spiral through every step by HTTP', () => {
  let harness: EmbeddedHarness;
  let teamId: string;
  let spiralId: string;
  let practiceId: string;

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    teamId = await registerTeam(harness);
    practiceId = await publishedPractice(harness);
  });
  afterAll(() => harness.stop());

  const expectAt = async (step: string, revision: number) => {
    const spiral = spiralOf(await readSpiral(harness, spiralId).expect(200));
    expect({ step: spiral.step, revision: spiral.revision }).toEqual({ step, revision });
  };
  const step = async (path: string, body: object, expected: { step: string; revision: number }) => {
    const response = await post(harness, `/spirals/${spiralId}/${path}`, localRx1, body).expect(201);
    expect(response.body).toMatchObject({ id: spiralId, streamId: `spiral-${spiralId}`, revision: expected.revision });
    await expectAt(expected.step, expected.revision);
  };

  it('recognises a need, then records each step, answering the new revision each time', async () => {
    const started = await post(harness, '/spirals', localRx1, needBody(teamId)).expect(201);
    spiralId = answerOf(started).id;
    expect(started.body).toMatchObject({ streamId: `spiral-${spiralId}`, revision: 0 });
    await expectAt('recognition', 0);
    await step('knowledge', stepBodies.knowledge, { step: 'knowing', revision: 1 });
    await step('options', stepBodies.options(practiceId), { step: 'decision', revision: 2 });
    await step('adoption', stepBodies.adoption, { step: 'change', revision: 3 });
    await step('support', stepBodies.support, { step: 'change', revision: 4 });
    await step('cycles', stepBodies.cycle, { step: 'change', revision: 5 });
    // Three points, one event each.
    await step('measurements', stepBodies.measurements, { step: 'change', revision: 8 });
    // No signal suggests a rebase, and a group from February would hold two points: refused, saying why.
    const rebase = await post(harness, `/spirals/${spiralId}/rebase`, localRx1, stepBodies.rebase).expect(422);
    expect(answerOf(rebase)).toMatchObject({ error: 'rebase_group_too_short', message: expect.stringContaining('at least 12 points') as unknown });
    await step('sustainability', stepBodies.sustainability, { step: 'change', revision: 9 });
    // A gain is decided from the data, not claimed: no sustained gain, no closing as sustained.
    const claimed = await post(harness, `/spirals/${spiralId}/close`, localRx1, { ...stepBodies.close, outcome: 'sustained' }).expect(422);
    expect(answerOf(claimed).error).toBe('gain_not_sustained');
    await step('close', stepBodies.close, { step: 'closed', revision: 10 });
  });

  it('answers GET /spirals/:id with the whole spiral, its points in period order and its history', async () => {
    await harness.viewsCaughtUp();
    const response = await readSpiral(harness, spiralId).expect(200);
    const { teamId: _teamId, ...needFields } = needBody(teamId);
    expect(response.body).toEqual({
      id: spiralId,
      revision: 10,
      step: 'closed',
      teamId,
      orgCode: 'RX1',
      shaCode: 'Q01',
      ...needFields,
      options: stepBodies.options(practiceId).options,
      adoption: { optionId: 'nurse-led', practiceId, practiceVersion: 1, occurredAt: anyString },
      cycles: 1,
      measurements: [
        { period: '2004-01-01', value: 70 },
        { period: '2004-02-01', value: 65 },
        { period: '2004-03-01', value: 60 },
      ],
      gains: [],
      // Three baseline points are too few for limits (fewer than 6): a run chart around their median, saying so.
      chart: expect.objectContaining({ kind: 'run', reason: 'tooShort', median: 65, mean: null, signals: [], asOfRevision: 10 }) as unknown,
      outcome: 'notSustained',
      history: anyArray,
      record: {
        knowledge: { items: [{ ...stepBodies.knowledge, occurredAt: anyString, revision: 1 }], total: 1, nextCursor: null },
        adoption: { ...stepBodies.adoption, practiceId, practiceVersion: 1, occurredAt: anyString, revision: 3 },
        support: { items: [{ ...stepBodies.support, occurredAt: anyString, revision: 4 }], total: 1, nextCursor: null },
        cycles: { items: [{ ...stepBodies.cycle, cycleNumber: 1, occurredAt: anyString, revision: 5 }], total: 1, nextCursor: null },
        assessments: { items: [{ ...stepBodies.sustainability, occurredAt: anyString, revision: 9 }], total: 1, nextCursor: null },
        closing: { ...stepBodies.close, occurredAt: anyString, revision: 10 },
      },
    });
    const { history } = spiralOf(response);
    expect(history.map((entry) => entry.type)).toEqual([
      'NeedRecognised',
      'KnowledgePulled',
      'OptionsAppraised',
      'OptionAdopted',
      'ChangeSupportSecured',
      'ChangeCycleCompleted',
      'MeasurementRecorded',
      'MeasurementRecorded',
      'MeasurementRecorded',
      'SustainabilityAssessed',
      'SpiralClosed',
    ]);
    expect(history[0]).toEqual({ revision: 0, type: 'NeedRecognised', occurredAt: anyString, recordedAt: anyString, actor: { id: 'local-RX1', role: 'local' } });
  });

  it('pages the long lists of the record by limit and cursor, points by period; refuses unknown query parameters', async () => {
    const first = await harness.http.get(`/api/v1/spirals/${spiralId}/record/measurements?limit=2`).set(harness.bearer(localRx1)).expect(200);
    expect(first.body).toEqual({ items: [{ period: '2004-01-01', value: 70 }, { period: '2004-02-01', value: 65 }], total: 3, nextCursor: '2004-02-01' });
    const next = await harness.http.get(`/api/v1/spirals/${spiralId}/record/measurements?limit=2&cursor=2004-02-01`).set(harness.bearer(localRx1)).expect(200);
    expect(next.body).toEqual({ items: [{ period: '2004-03-01', value: 60 }], total: 3, nextCursor: null });
    const cycles = await harness.http.get(`/api/v1/spirals/${spiralId}/record/cycles`).set(harness.bearer(localRx1)).expect(200);
    expect(cycles.body).toMatchObject({ items: [{ cycleNumber: 1, decision: 'adopt' }], total: 1, nextCursor: null });
    await harness.http.get(`/api/v1/spirals/${spiralId}?limit=1`).set(harness.bearer(localRx1)).expect(200);
    for (const query of ['?page=2', '?limit=0', '?limit=abc', '?cursor=2']) {
      await harness.http.get(`/api/v1/spirals/${spiralId}${query}`).set(harness.bearer(localRx1)).expect(400);
    }
    await harness.http.get(`/api/v1/spirals/${spiralId}/record/cycles?sort=desc`).set(harness.bearer(localRx1)).expect(400);
    await harness.http.get(`/api/v1/spirals/${spiralId}/record/gains`).set(harness.bearer(localRx1)).expect(400);
    await harness.http.get(`/api/v1/spirals/${spiralId}/record/cycles`).set(harness.bearer({ role: 'local', org: 'RY9', sha: 'Q01' })).expect(403);
  });

  it('refuses every command on a closed spiral with 422', async () => {
    const refused = await post(harness, `/spirals/${spiralId}/measurements`, localRx1, { points: [{ period: '2004-04-01', value: 55 }] }).expect(422);
    expect(answerOf(refused).error).toBe('spiral_closed');
  });

  it('starts a new turn as a child of a spiral of the same organisation, never of another', async () => {
    const childId = await created(harness, '/spirals', localRx1, { ...needBody(teamId), parentSpiralId: spiralId });
    expect((await readSpiral(harness, childId).expect(200)).body).toMatchObject({ parentSpiralId: spiralId, step: 'recognition', revision: 0 });
    await post(harness, '/spirals', localRx1, { ...needBody(teamId), parentSpiralId: 'no-such-spiral' }).expect(404);
    const other = { role: 'local', org: 'RY9', sha: 'Q01' } as const;
    const otherTeam = await registerTeam(harness, other);
    const refused = await post(harness, '/spirals', other, { ...needBody(otherTeam), parentSpiralId: spiralId }).expect(422);
    expect(answerOf(refused).error).toBe('parent_spiral_of_other_organisation');
  });

  it('answers 404 for a spiral or a team that does not exist', async () => {
    await readSpiral(harness, 'no-such-spiral').expect(404);
    await post(harness, '/spirals/no-such-spiral/knowledge', localRx1, stepBodies.knowledge).expect(404);
    await post(harness, '/spirals', localRx1, needBody('no-such-team')).expect(404);
  });

  it('keeps every spiral across a restart of the process', async () => {
    await harness.viewsCaughtUp();
    const before = (await readSpiral(harness, spiralId).expect(200)).body as unknown;
    const { spiralId: fresh } = await recogniseNeed(harness);
    await harness.restart();
    expect((await readSpiral(harness, spiralId).expect(200)).body).toEqual(before);
    await post(harness, `/spirals/${fresh}/knowledge`, localRx1, stepBodies.knowledge).expect(201);
    expect((await readSpiral(harness, fresh).expect(200)).body).toMatchObject({ step: 'knowing', revision: 1 });
  });
});
