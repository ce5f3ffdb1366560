import { projectionSpec } from '@spiral/projections/testing';
import { localHistory } from './local-history.test-fixtures';
import { TEAM_SPIRALS, TEAMS, teamViewOf, type StoredTeam, type StoredTeamSpiral, type TeamView } from './team-view';
import { teamViewProjection } from './team-view.projection';

const spec = projectionSpec(teamViewProjection);

/** The view as GET /teams/:id/view answers it: the team's document with its spirals' documents. */
async function teamView(teamId: string): Promise<TeamView> {
  const contents = await spec.given(localHistory()).view();
  const team = contents[TEAMS]?.find((document) => document['id'] === teamId);
  if (team === undefined) throw new Error(`no view of ${teamId}`);
  const spirals = (contents[TEAM_SPIRALS] ?? []).filter((spiral) => spiral['teamId'] === teamId);
  return teamViewOf(team as StoredTeam, spirals as StoredTeamSpiral[]);
}

describe('the team view', () => {
  it("lists the team's facts and its spirals, each at its step with the counts of what it recorded", async () => {
    const view = await teamView('team-1');
    expect(view).toMatchObject({ id: 'team-1', name: 'Stroke unit', orgCode: 'RX1', shaCode: 'Q01', specialty: 'stroke' });
    expect(view.spirals).toEqual([
      {
        ...{ spiralId: 'spiral-1', title: 'Improvement spiral-1', measure: 'Patients seen within the hour', step: 'sustainability' },
        ...{ adoptedAt: '2004-12-15T09:00:00.000Z', gains: { achieved: 1, sustained: 1, lost: 0 }, gainStatus: 'sustained' },
        ...{ measurements: 31, changeSupport: 1, cycles: 2, assessments: 4 },
      },
      {
        ...{ spiralId: 'spiral-2', title: 'Improvement spiral-2', measure: 'Patients seen within the hour', step: 'closed' },
        ...{ adoptedAt: null, gains: { achieved: 0, sustained: 0, lost: 0 }, gainStatus: 'none' },
        ...{ measurements: 0, changeSupport: 0, cycles: 0, assessments: 0 },
      },
    ]);
    expect(view.spiralsByStep).toEqual({ recognition: 0, knowing: 0, decision: 0, change: 0, sustainability: 1, closed: 1 });
  });

  it('lists change cycles with their decisions', async () => {
    const { changeCycles } = await teamView('team-1');
    expect(changeCycles).toMatchObject({ count: 2, byDecision: { adopt: 1, adapt: 1, abandon: 0 } });
    expect(changeCycles.cycles.map(({ cycleNumber, decision }) => [cycleNumber, decision])).toEqual([[1, 'adapt'], [2, 'adopt']]);
  });

  it('scores each assessment and gives the mean and spread of the complete ones per date', async () => {
    const { sustainability } = await teamView('team-1');
    expect(sustainability.assessments.map(({ assessedBy, date, score }) => [assessedBy, date, score.score, score.complete])).toEqual([
      ['ward sister', '2006-08-01', 100.1, true],
      ['consultant', '2006-08-01', 33.4, true],
      ['matron', '2006-08-01', 15, false],
      ['ward sister', '2006-11-01', 66.7, true],
    ]);
    expect(sustainability.overTime).toEqual([
      { spiralId: 'spiral-1', date: '2006-08-01', assessments: 3, count: 2, mean: 66.75, variance: expect.closeTo(33.35 ** 2, 6) as number, min: 33.4, max: 100.1 },
      { spiralId: 'spiral-1', date: '2006-11-01', assessments: 1, count: 1, mean: 66.7, variance: 0, min: 66.7, max: 66.7 },
    ]);
    expect(sustainability).toMatchObject({ weightsVersion: 'nhs-sm-2010.v1-provisional', weightsVerified: false });
  });

  it('counts the gains with the spirals they are made of', async () => {
    const { gains } = await teamView('team-1');
    expect(gains).toMatchObject({
      events: { achieved: 1, sustained: 1, lost: 0 },
      spiralsAchieved: 1,
      spiralsHolding: 1,
      sustained: { count: 1, of: 1, share: 1 },
    });
    expect(gains.recorded.map(({ spiralId, kind, rule }) => [spiralId, kind, rule])).toEqual([['spiral-1', 'achieved', 'shift'], ['spiral-1', 'sustained', 'sustained12']]);
  });

  it("keeps each member's latest capability level and the support received", async () => {
    const { capabilities, supportReceived } = await teamView('team-1');
    expect(capabilities.recorded).toHaveLength(2);
    expect(capabilities.current).toEqual([{ memberRole: 'staff nurse', capability: 'PDSA cycles', level: 'practitioner', occurredAt: expect.any(String) as string }]);
    expect(capabilities.byLevel).toEqual({ awareness: 0, practitioner: 1, expert: 0, leader: 0 });
    expect(supportReceived).toMatchObject({ count: 1, byKind: { advice: 0, resources: 0, facilitation: 1, airCover: 0 } });
    expect(supportReceived.received[0]).toMatchObject({ kind: 'facilitation', fromShaCode: 'Q01' });
  });

  it("keeps the team's document free of its spirals and their streams' revisions", async () => {
    const contents = await spec.given(localHistory()).view();
    expect(contents[TEAMS]?.find((team) => team['id'] === 'team-2')?.['revisions']).toEqual({ 'team-team-2': 0 });
    expect(contents[TEAMS]?.every((team) => !('spirals' in team))).toBe(true);
    expect(contents[TEAM_SPIRALS]?.find((spiral) => spiral['spiralId'] === 'spiral-3')).toMatchObject({ teamId: 'team-2', step: 'decision', revisions: { 'spiral-spiral-3': 2 } });
  });

  it('keeps the other teams apart: a lost gain of RY9 is not counted for RX1', async () => {
    const { gains, spirals } = await teamView('team-3');
    expect(spirals.map(({ spiralId, step, gainStatus }) => [spiralId, step, gainStatus])).toEqual([['spiral-4', 'sustainability', 'lost']]);
    expect(gains).toMatchObject({ events: { achieved: 1, sustained: 0, lost: 1 }, spiralsHolding: 0, sustained: { count: 0, of: 1, share: 0 } });
  });
});
