import { streamIds } from '@spiral/event-catalogue';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';
import { created, localRx1, national, needBody, registerTeam, stepBodies } from './support/local-spirals';

const auditor: Identity = { role: 'auditor' };
const at = (date: string) => ({ occurredAt: `${date}T09:00:00.000Z` });
const practiceBody = {
  title: 'Nurse-led thrombolysis',
  summary: 'Trained nurses thrombolyse without waiting for a doctor.',
  origin: 'nhsTeam',
  originDetail: 'A stroke unit in the north west',
  targetMeasures: ['Door-to-needle time'],
};
const site = { site: 'RX1', measure: 'Door-to-needle time', baselineValue: 72, resultValue: 41 };

interface Story {
  practiceId: string;
  spiralId: string;
  firstTest: string;
  secondTest: string;
}

/**
 * A practice published in 2003, field-tested effective; a team adopts it in March 2004 while a
 * second field test runs; that test later finds it ineffective and the practice is retired.
 */
async function tellStory(harness: EmbeddedHarness): Promise<Story> {
  const post = (path: string, identity: Identity, body: object) => created(harness, path, identity, body);
  const practiceId = await post('/practices', national, { ...practiceBody, ...at('2003-01-10') });
  await post(`/practices/${practiceId}/publication`, national, { evidenceLevel: 'observational', summary: 'Halved the wait.', ...at('2003-02-01') });
  const firstTest = await post(`/practices/${practiceId}/field-tests`, national, { sites: ['RX1'], protocol: 'Six months against six.', ...at('2003-03-01') });
  await post(`/field-tests/${firstTest}/results`, national, { ...site, ...at('2003-08-01') });
  await post(`/field-tests/${firstTest}/conclusion`, national, { verdict: 'effective', effectSize: -0.8, summary: 'A large fall.', ...at('2003-09-01') });
  const secondTest = await post(`/practices/${practiceId}/field-tests`, national, { sites: ['RX1'], protocol: 'A larger replication.', ...at('2004-01-15') });

  const teamId = await registerTeam(harness);
  const spiralId = await post('/spirals', localRx1, { ...needBody(teamId), ...at('2004-02-01') });
  await post(`/spirals/${spiralId}/knowledge`, localRx1, { ...stepBodies.knowledge, practiceIds: [practiceId], ...at('2004-02-05') });
  await post(`/spirals/${spiralId}/options`, localRx1, { ...stepBodies.options(practiceId), ...at('2004-02-10') });
  await post(`/spirals/${spiralId}/adoption`, localRx1, { ...stepBodies.adoption, ...at('2004-03-01') });

  await post(`/field-tests/${secondTest}/results`, national, { ...site, resultValue: 70, ...at('2004-08-01') });
  await post(`/field-tests/${secondTest}/conclusion`, national, { verdict: 'ineffective', effectSize: 0.05, effectScale: 'standardisedMeanDifference', summary: 'No effect at scale.', ...at('2004-09-01') });
  await post(`/practices/${practiceId}/retirement`, national, { reason: 'Ineffective at scale.', ...at('2005-01-01') });
  return { practiceId, spiralId, firstTest, secondTest };
}

/** What the catalogue said on 1 March 2004: published v1, observational, one effective verdict, one test running. */
const atDecision = (story: Story) => ({
  practiceId: story.practiceId,
  asOf: '2004-03-01T09:00:00.000Z',
  known: true,
  title: practiceBody.title,
  status: 'published',
  publishedVersion: 1,
  evidenceLevel: 'observational',
  retired: false,
  fieldTests: [
    { fieldTestId: story.firstTest, startedAt: '2003-03-01T09:00:00.000Z', status: 'concluded', verdict: 'effective', effectSize: -0.8, effectScale: 'protocol', concludedAt: '2003-09-01T09:00:00.000Z', recordedAt: expect.any(String) as unknown },
    { fieldTestId: story.secondTest, startedAt: '2004-01-15T09:00:00.000Z', status: 'running' },
  ],
});

describe('audit trace through /api/v1/audit', () => {
  let harness: EmbeddedHarness;
  let story: Story;
  const get = (path: string, identity?: Identity) => {
    const call = harness.http.get(`/api/v1/audit${path}`);
    return identity === undefined ? call : call.set(harness.bearer(identity));
  };

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    story = await tellStory(harness);
  });
  afterAll(() => harness.stop());

  it("traces a spiral's events in order with actor, both times, correlation and causation", async () => {
    const body: unknown = (await get(`/spirals/${story.spiralId}/trace`, auditor).expect(200)).body;
    const trace = body as { streamId: string; events: { type: string; revision: number; globalPosition: number; actor: { role: string }; occurredAt: string; recordedAt: string; correlationId: string; causationId: string }[] };
    expect(trace.streamId).toBe(streamIds.spiral(story.spiralId));
    expect(trace.events.map((event) => [event.revision, event.type])).toEqual([
      [0, 'NeedRecognised'],
      [1, 'KnowledgePulled'],
      [2, 'OptionsAppraised'],
      [3, 'OptionAdopted'],
    ]);
    const positions = trace.events.map((event) => event.globalPosition);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const event of trace.events) {
      expect(event.actor).toMatchObject({ role: 'local', org: 'RX1', region: 'Q01' });
      expect(event.correlationId).toEqual(expect.any(String));
      expect(event.causationId).toEqual(expect.any(String));
      expect(Date.parse(event.recordedAt)).toBeGreaterThan(Date.parse(event.occurredAt));
    }
    expect(trace.events[3]?.occurredAt).toBe('2004-03-01T09:00:00.000Z');
  });

  it('shows the adoption with its need, knowledge and options, and the evidence as of the decision, not as known now', async () => {
    const body: unknown = (await get(`/spirals/${story.spiralId}/trace`, auditor).expect(200)).body;
    const [adoption] = (body as { adoptions: Record<string, unknown>[] }).adoptions;
    expect(adoption).toMatchObject({
      spiralId: story.spiralId,
      adoption: { type: 'OptionAdopted', revision: 3, data: { optionId: 'nurse-led', practiceId: story.practiceId, decidedBy: stepBodies.adoption.decidedBy } },
      need: { revision: 0, data: { title: needBody('x').title } },
      knowledge: [{ revision: 1, data: { practiceIds: [story.practiceId] } }],
      chosenFrom: { revision: 2, data: { options: [{ optionId: 'nurse-led', practiceId: story.practiceId }, { optionId: 'pre-alert' }] } },
    });
    expect(adoption?.['practiceAtDecision']).toEqual(atDecision(story));
  });

  it("lists a practice's adoptions, each with what was known then, beside what is known now", async () => {
    const body: unknown = (await get(`/practices/${story.practiceId}/adoptions`, national).expect(200)).body;
    const answer = body as { adoptions: { spiralId: string; practiceAtDecision: unknown; spiral: unknown }[]; now: Record<string, unknown>; events: { type: string }[] };
    expect(answer.adoptions.map((adoption) => adoption.spiralId)).toEqual([story.spiralId]);
    expect(answer.adoptions[0]?.spiral).toEqual({ spiralId: story.spiralId, title: needBody('x').title, teamId: expect.any(String) as unknown, teamName: 'Stroke unit RX1', orgCode: 'RX1', shaCode: 'Q01' });
    expect(answer.adoptions[0]?.practiceAtDecision).toEqual(atDecision(story));
    expect(answer.events.map((event) => event.type)).toEqual(['PracticeProposed', 'PracticePublished', 'PracticeRetired']);
    expect(answer.now).toMatchObject({ status: 'retired', retired: true });
    expect(answer.now['fieldTests']).toEqual([
      expect.objectContaining({ fieldTestId: story.firstTest, verdict: 'effective' }),
      expect.objectContaining({ fieldTestId: story.secondTest, status: 'concluded', verdict: 'ineffective', effectScale: 'standardisedMeanDifference' }),
    ]);
  });

  it('refuses every role but auditor and national, and answers 404 and 400 for unknown and malformed ids', async () => {
    for (const identity of [localRx1, { role: 'regional', sha: 'Q01' }, { role: 'analyst' }] as Identity[]) {
      await get(`/spirals/${story.spiralId}/trace`, identity).expect(403);
      await get(`/practices/${story.practiceId}/adoptions`, identity).expect(403);
      await get('/verify', identity).expect(403);
    }
    await get(`/spirals/${story.spiralId}/trace`).expect(401);
    await get('/spirals/no-such-spiral/trace', auditor).expect(404);
    await get('/practices/no-such-practice/adoptions', auditor).expect(404);
    await get('/spirals/bad%20id!/trace', auditor).expect(400);
  });

  it('refuses unknown query parameters on a trace, naming them', async () => {
    const refused = await get(`/spirals/${story.spiralId}/trace?asOf=2004-01-01`, auditor).expect(400);
    expect(JSON.stringify(refused.body)).toContain('asOf');
    await get(`/practices/${story.practiceId}/adoptions?limit=5`, auditor).expect(400);
  });

  it('gives each event its hash and previousHash, which an auditor recomputes outside Spiral (SHA-256 of RFC 8785 JSON)', async () => {
    const body: unknown = (await get(`/spirals/${story.spiralId}/trace`, auditor).expect(200)).body;
    const { events, spiral } = body as { spiral: unknown; events: (Record<string, unknown> & { revision: number; hash: string; previousHash: string | null })[] };
    expect(spiral).toMatchObject({ title: needBody('x').title, teamName: 'Stroke unit RX1', orgCode: 'RX1', shaCode: 'Q01' });
    let previous: string | null = null;
    for (const event of events) {
      const { globalPosition: _position, revision, hash, ...rest } = event;
      const text = canonicalize({ ...rest, streamRevision: revision }) ?? '';
      expect(event.previousHash).toBe(previous);
      expect(hash).toBe(createHash('sha256').update(text).digest('hex'));
      previous = hash;
    }
  });

  it("shows a measurement's period and value in the trace (kept last: it adds to the story's spiral)", async () => {
    await created(harness, `/spirals/${story.spiralId}/measurements`, localRx1, { points: [{ period: '2004-03-01', value: 58 }] });
    const body: unknown = (await get(`/spirals/${story.spiralId}/trace`, auditor).expect(200)).body;
    const events = (body as { events: { type: string; data: unknown }[] }).events;
    expect(events.at(-1)).toMatchObject({ type: 'MeasurementRecorded', data: { period: '2004-03-01', value: 58 } });
  });
});
