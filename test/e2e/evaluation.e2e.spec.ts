import type { EvaluationAnswer } from '@spiral/replay';
import { EmbeddedHarness } from './support/embedded-harness';
import { tellStory } from './support/replay-story';
import { settled } from './support/settled';

const analyst = { role: 'analyst' } as const;

describe('evaluation as of a moment (analysts)', () => {
  let harness: EmbeddedHarness;

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    await tellStory(harness, () => true);
    await settled(harness);
  }, 60_000);

  afterAll(() => harness.stop());

  const evaluation = (query: string, identity: Parameters<EmbeddedHarness['bearer']>[0] = analyst) =>
    harness.http.get(`/api/v1/evaluation?${query}`).set(harness.bearer(identity));

  it('gives per practice and per region the figures as they stood, with their counts, and compares two moments', async () => {
    const response = await evaluation('asOf=2005-06-30&compare=2004-09-30');
    expect(response.status).toBe(200);
    const answer = response.body as EvaluationAnswer;
    expect(answer.evaluation.asOf).toBe('2005-06-30T23:59:59.999Z');
    const [practice] = answer.evaluation.practices;
    // a (RX1, March), d (RY2, May, entered late), b (RX2, June) and c (RY1, February 2005).
    expect(practice?.spread).toMatchObject({ teams: 4, organisations: 4, regions: 2 });
    expect(practice?.spread.byMonth.at(-1)).toMatchObject({ month: '2005-02', teams: 4 });
    expect(practice?.byRegion.map((region) => [region.shaCode, region.teams])).toEqual([['Q01', 2], ['Q02', 2]]);
    expect(practice?.timeToAdopt).toMatchObject({ estimated: true, teams: 4, adopted: 4, notYetAdopted: 0 });
    expect(practice?.gains.achieved).toBe(1);
    expect(practice?.impact.spirals).toBe(1);
    const q01 = answer.evaluation.regions.find((region) => region.shaCode === 'Q01');
    // b closed in March 2005: one of Q01's two teams still has a live spiral.
    expect(q01?.penetration.teams).toEqual({ withLiveSpiral: 1, registered: 2, share: 0.5 });
    expect(q01?.gains).toMatchObject({ achieved: 1, sustained: 0, lost: 0 });

    expect(answer.other?.asOf).toBe('2004-09-30T23:59:59.999Z');
    expect(answer.comparison?.practices[0]).toMatchObject({ adoptingTeams: { from: 3, to: 4, change: 1 }, adoptingRegions: { from: 2, to: 2, change: 0 }, gainsAchieved: { from: 1, to: 1, change: 0 } });
    expect(answer.comparison?.regions.find((region) => region.shaCode === 'Q01')?.teamsPenetration).toMatchObject({ from: { numerator: 2, denominator: 2 }, to: { numerator: 1, denominator: 2 }, change: -0.5 });
  });

  it('over a period compares its two ends', async () => {
    const response = await evaluation('from=2004-03-31&to=2004-09-30', { role: 'national' });
    expect(response.status).toBe(200);
    const answer = response.body as EvaluationAnswer;
    expect(answer.period).toEqual({ from: '2004-03-31T23:59:59.999Z', to: '2004-09-30T23:59:59.999Z' });
    expect(answer.comparison?.practices[0]?.adoptingTeams).toEqual({ from: 1, to: 3, change: 2 });
    expect(answer.comparison?.practices[0]?.gainsAchieved).toEqual({ from: 0, to: 1, change: 1 });
  });

  it('refuses other roles, half a period, a position and unknown parameters', async () => {
    expect((await evaluation('asOf=2005-01-01', { role: 'local', org: 'RX1', sha: 'Q01' })).status).toBe(403);
    expect((await evaluation('asOf=2005-01-01', { role: 'regional', sha: 'Q01' })).status).toBe(403);
    // Each 400 names the parameter at fault, as every other 400 does.
    const fieldOf = async (query: string) => {
      const answer = await evaluation(query);
      expect(answer.status).toBe(400);
      return (answer.body as { problems: { field: string }[] }).problems.map((problem) => problem.field);
    };
    expect(await fieldOf('from=2004-01-01')).toEqual(['to']);
    expect(await fieldOf('asOf=position:4')).toEqual(['asOf']);
    expect(await fieldOf('asOf=2005-02-30')).toEqual(['asOf']);
    expect(await fieldOf('from=2006-01-01&to=2005-01-01')).toEqual(['from']);
    expect(await fieldOf('asOf=2005-01-01&from=2004-01-01&to=2005-01-01')).toEqual(['asOf']);
    expect((await evaluation('when=2005-01-01')).status).toBe(400);
  });
});
