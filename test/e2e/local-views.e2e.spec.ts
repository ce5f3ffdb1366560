import { anyString, bodyOf } from './support/answers';
import { adoptedSpiral, months, recordPoints } from './support/dated-spirals';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';
import { created, localRx1, national, needBody, registerTeam, stepBodies } from './support/local-spirals';
import { settled } from './support/settled';

const otherOrganisation: Identity = { role: 'local', org: 'RY9', sha: 'Q01' };
const allFactors = (level: string) =>
  Object.fromEntries(
    ['benefitsBeyondHelpingPatients', 'credibilityOfEvidence', 'adaptability', 'effectivenessOfMonitoring', 'staffInvolvementAndTraining', 'staffBehaviours', 'seniorLeadership', 'clinicalLeadership', 'fitWithGoalsAndCulture', 'infrastructureForSustainability'].map((factor) => [factor, level]),
  );

describe('the local views through HTTP', () => {
  let harness: EmbeddedHarness;
  let teamId: string;
  let spiralId: string;
  let quietSpiral: string;
  const get = (path: string, identity: Identity = localRx1) => harness.http.get(`/api/v1${path}`).set(harness.bearer(identity));

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    ({ teamId, spiralId } = await adoptedSpiral(harness));
    await recordPoints(harness, spiralId, [51, 52, 51, 52, 51, 52, 51], 12);
    await created(harness, `/spirals/${spiralId}/cycles`, localRx1, stepBodies.cycle);
    await created(harness, `/spirals/${spiralId}/sustainability`, localRx1, { assessedBy: 'ward sister', factors: allFactors('a') });
    await created(harness, `/spirals/${spiralId}/sustainability`, localRx1, { assessedBy: 'consultant', factors: allFactors('d') });
    await created(harness, `/spirals/${spiralId}/sustainability`, localRx1, stepBodies.sustainability);
    await created(harness, `/teams/${teamId}/capabilities`, localRx1, { memberRole: 'staff nurse', capability: 'SPC charts', level: 'practitioner' });
    await created(harness, `/teams/${teamId}/support-received`, { role: 'regional', sha: 'Q01' }, { kind: 'facilitation', description: 'A facilitator for our PDSA cycles.' });
    quietSpiral = await created(harness, '/spirals', localRx1, needBody(await registerTeam(harness)));
    await registerTeam(harness, otherOrganisation);
    await settled(harness);
  });
  afterAll(() => harness.stop());

  it("answers GET /teams/:id/view with the team's spirals, cycles, assessments, gains and conditions", async () => {
    const view = bodyOf(await get(`/teams/${teamId}/view`).expect(200));
    expect(view).toMatchObject({
      id: teamId,
      orgCode: 'RX1',
      shaCode: 'Q01',
      spirals: [expect.objectContaining({ spiralId, step: 'sustainability', measurements: 19, cycles: 1, assessments: 3, gainStatus: 'achieved' })],
      spiralsByStep: { recognition: 0, knowing: 0, decision: 0, change: 0, sustainability: 1, closed: 0 },
      changeCycles: { count: 1, byDecision: { adopt: 1, adapt: 0, abandon: 0 } },
      gains: {
        events: { achieved: 1, sustained: 0, lost: 0 },
        spiralsAchieved: 1,
        spiralsHolding: 1,
        sustained: { count: 0, of: 1, share: 0 },
        recorded: [{ spiralId, kind: 'achieved', rule: 'shift', periods: months(12, 7), occurredAt: anyString }],
      },
      capabilities: { current: [expect.objectContaining({ memberRole: 'staff nurse', capability: 'SPC charts', level: 'practitioner' })] },
      supportReceived: { count: 1, byKind: { advice: 0, resources: 0, facilitation: 1, airCover: 0 }, received: [expect.objectContaining({ fromShaCode: 'Q01' })] },
    });
    expect(view).not.toHaveProperty('revisions');
  });

  it('scores each assessment and gives the mean and spread of the complete ones, with their counts', async () => {
    const { sustainability } = bodyOf(await get(`/teams/${teamId}/view`).expect(200)) as { sustainability: Record<string, unknown> };
    expect(sustainability).toMatchObject({
      weightsVersion: 'nhs-sm-2010.v1-provisional',
      weightsVerified: false,
      assessments: [
        expect.objectContaining({ assessedBy: 'ward sister', score: expect.objectContaining({ score: 100.1, complete: true }) as unknown }),
        expect.objectContaining({ assessedBy: 'consultant', score: expect.objectContaining({ score: 0, complete: true }) as unknown }),
        expect.objectContaining({ assessedBy: 'improvement team', score: expect.objectContaining({ score: 25.3, factorsRated: 2, complete: false }) as unknown }),
      ],
      overTime: [{ spiralId, date: anyString, assessments: 3, count: 2, mean: 50.05, variance: 50.05 ** 2, min: 0, max: 100.1 }],
    });
  });

  it('answers GET /organisations/:code/view with its teams, its spirals by step and its gains', async () => {
    const view = bodyOf(await get('/organisations/RX1/view').expect(200));
    expect(view).toMatchObject({
      id: 'RX1',
      shaCode: 'Q01',
      totals: { teams: 2, spirals: 2, live: 2 },
      spiralsByStep: { recognition: 1, knowing: 0, decision: 0, change: 0, sustainability: 1, closed: 0 },
      gains: { events: { achieved: 1, sustained: 0, lost: 0 }, spiralsAchieved: 1, spiralsHolding: 1, sustained: { count: 0, of: 1, share: 0 } },
    });
    expect((view['spirals'] as { spiralId: string }[]).map((spiral) => spiral.spiralId)).toEqual([spiralId, quietSpiral]);
  });

  it('refuses a local user of another organisation and a region outside the area with 403', async () => {
    await get(`/teams/${teamId}/view`, otherOrganisation).expect(403);
    await get('/organisations/RX1/view', otherOrganisation).expect(403);
    await get(`/teams/${teamId}/view`, { role: 'regional', sha: 'Q02' }).expect(403);
    await get('/organisations/RX1/view', { role: 'regional', sha: 'Q02' }).expect(403);
  });

  it('lets the region, national staff, analysts and auditors read them', async () => {
    for (const identity of [{ role: 'regional', sha: 'Q01' }, national, { role: 'analyst' }, { role: 'auditor' }] as Identity[]) {
      await get(`/teams/${teamId}/view`, identity).expect(200);
      await get('/organisations/RX1/view', identity).expect(200);
    }
    await get('/organisations/RY9/view', otherOrganisation).expect(200);
  });

  it('answers 404 for a team or an organisation with no view, and 400 for a malformed code', async () => {
    await get('/teams/no-such-team/view').expect(404);
    await get('/organisations/ZZ9/view').expect(404);
    await get('/organisations/RX1%20OR%201/view').expect(400);
    await harness.http.get('/api/v1/organisations/RX1/view').expect(401);
  });

  it('lists the local projections with their lag in GET /health', async () => {
    const health = bodyOf(await harness.http.get('/api/v1/health').expect(200));
    expect((health['projections'] as { projection: string; eventsBehind: number }[]).filter(({ projection }) => projection.startsWith('local-'))).toEqual([
      expect.objectContaining({ projection: 'local-spiral-view_v2', eventsBehind: 0, running: true }),
      expect.objectContaining({ projection: 'local-team-view_v4', eventsBehind: 0, running: true }),
      expect.objectContaining({ projection: 'local-organisation-view_v3', eventsBehind: 0, running: true }),
    ]);
  });
});
