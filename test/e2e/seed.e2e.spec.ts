import { embeddedConfigFrom } from '@spiral/embedded-system';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSeed, type SeedRunResult } from '../../apps/cli/src/seed/seed-runner';
import { DEFAULT_RANDOM_SEED } from '../../apps/cli/src/seed/seed-size';
import { teamsOf } from '../../apps/cli/src/seed/seed-structure';
import { finalStepOf, type SpiralTimeline } from '../../apps/cli/src/seed/spiral-timeline';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';

/** The parts of the read answers this test looks at (supertest types bodies as any). */
interface PracticeAnswer {
  readonly practiceId: string;
  readonly status: string;
  readonly title: string;
  readonly version: number | null;
}
interface SpiralAnswer {
  readonly id: string;
  readonly step: string;
  readonly orgCode: string;
  readonly adoption: { readonly practiceId?: string } | null;
  readonly measurements: readonly { readonly period: string; readonly value: number }[];
  readonly outcome?: string;
  readonly gains: readonly { readonly kind: string; readonly rule: string; readonly periods: readonly string[] }[];
  readonly chart: { readonly points: readonly unknown[] } | null;
}
interface RegionalAnswer {
  readonly funnel: Record<string, number>;
  readonly penetration: { readonly teams: { readonly withLiveSpiral: number; readonly registered: number } };
  readonly sustainedRate: { readonly achieved: number; readonly sustained: number };
}
interface NationalAnswer {
  readonly teamsRegistered: number;
  readonly practices: readonly { readonly practiceId: string; readonly spread: { readonly teams: number; readonly regions: number } }[];
}
interface TeamViewAnswer {
  readonly spirals: readonly { readonly spiralId: string; readonly step: string }[];
}

const national: Identity = { role: 'national' };

describe('spiral seed (size small) through the command layer', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'spiral-seed-e2e-'));
  const seed = () => runSeed({ size: 'small', randomSeed: DEFAULT_RANDOM_SEED, config: { ...embeddedConfigFrom({}), dataDir } });
  let first: SeedRunResult;
  let harness: EmbeddedHarness | undefined;

  const running = () => {
    if (harness === undefined) throw new Error('the embedded system was not started on the seeded folder');
    return harness;
  };
  const get = (path: string, identity: Identity = national) => running().http.get(`/api/v1${path}`).set(running().bearer(identity));
  const spiralAt = (step: string, where: (spiral: SpiralTimeline) => boolean = () => true) => {
    const spiral = first.plan.spirals.find((candidate) => finalStepOf(candidate) === step && where(candidate));
    if (spiral === undefined) throw new Error(`the small seed has no spiral at ${step}`);
    return spiral;
  };

  beforeAll(async () => {
    first = await seed();
  });
  // The harness removes the folder when it stops; without one (a seed that failed), the test does.
  afterAll(() => (harness ? harness.stop() : rmSync(dataDir, { recursive: true, force: true })));

  it('stores the whole planned history, every command accepted by its decider, and the gains SPC found', () => {
    expect(first.eventsStored).toBeGreaterThan(3000);
    expect(first.gainsRecorded).toBeGreaterThan(0);
    expect(first.commandsReplayed).toBe(0);
    expect(first.headBefore).toBe(0);
    // Besides the commands' own events, each organisation's first team registration fixed its region
    // in the organisation's stream (OrganisationRegistered, one per organisation).
    expect(first.headAfter).toBe(first.eventsStored + first.figures.organisations);
  });

  it('says where its time went: planning, writing through the command layer, the views catching up', () => {
    const { plan, write, views } = first.phaseSeconds;
    [plan, write, views].forEach((seconds) => expect(seconds).toBeGreaterThan(0));
    expect(plan + write + views).toBeLessThanOrEqual(first.seconds);
  });

  it('stores nothing new when run again with the same flags', async () => {
    const second = await seed();
    expect(second.eventsStored).toBe(0);
    expect(second.commandsReplayed).toBe(first.figures.commands);
    expect(second.headAfter).toBe(first.headAfter);
  });

  // The seeder settled every spiral's gains as it wrote them, so the started system has none to add.
  it('starts the embedded system on the seeded folder, with nothing left for the gains manager to record', async () => {
    harness = await EmbeddedHarness.start({ dataDir });
    await harness.viewsCaughtUp();
    expect(await harness.eventStore.headPosition()).toBe(first.headAfter);
  });

  it('answers a seeded practice: published and revised, or retired', async () => {
    const byKey = (key: string) => first.plan.practices.find(({ template }) => template.key === key);
    const revised = byKey('early-warning-score');
    const retired = byKey('telephone-preassessment');
    const revisedAnswer = (await get(`/practices/${revised?.practiceId}`).expect(200)).body as PracticeAnswer;
    expect(revisedAnswer).toMatchObject({ practiceId: revised?.practiceId, status: 'published', title: 'Early warning score for deteriorating patients', version: 2 });
    expect((await get(`/practices/${retired?.practiceId}`).expect(200)).body).toMatchObject({ status: 'retired' });
  });

  it('answers a seeded spiral with its adoption and measurements, to national users and to its own team', async () => {
    const adopted = spiralAt('change', (spiral) => spiral.practice !== undefined);
    const answer = (await get(`/spirals/${adopted.spiralId}`).expect(200)).body as SpiralAnswer;
    expect(answer).toMatchObject({ id: adopted.spiralId, orgCode: adopted.team.orgCode, adoption: { practiceId: adopted.practice?.practiceId } });
    // Seeded at change; at sustainability where SPC found a gain on its chart while seeding.
    expect(answer.step).toBe(answer.gains.some(({ kind }) => kind === 'achieved') ? 'sustainability' : 'change');
    expect(answer.measurements.length).toBeGreaterThanOrEqual(12);
    const ownTeam: Identity = { role: 'local', org: adopted.team.orgCode, sha: adopted.team.shaCode };
    await get(`/spirals/${adopted.spiralId}`, ownTeam).expect(200);
    await get(`/teams/${adopted.team.teamId}`, ownTeam).expect(200);
  });

  it('answers closed and stalled spirals at their steps', async () => {
    const closed = spiralAt('closed');
    expect((await get(`/spirals/${closed.spiralId}`).expect(200)).body).toMatchObject({ step: 'closed', outcome: closed.outcome });
    const stalled = spiralAt('recognition');
    expect((await get(`/spirals/${stalled.spiralId}`).expect(200)).body).toMatchObject({ step: 'recognition', adoption: null });
  });

  /** The seeded spirals of a region, each with GET /spirals/:id's answer: the oracle the views are checked against. */
  const spiralsOf = async (shaCode: string) =>
    Promise.all(
      first.plan.spirals
        .filter(({ team }) => team.shaCode === shaCode)
        .map(async (planned) => ({ planned, answer: (await get(`/spirals/${planned.spiralId}`).expect(200)).body as SpiralAnswer })),
    );

  it('answers the regional view with the funnel, penetration and gains of the seeded spirals', async () => {
    const shaCode = first.plan.shas[0]!.code;
    const seeded = await spiralsOf(shaCode);
    const spirals = seeded.map(({ answer }) => answer);
    const view = (await get(`/regions/${shaCode}/view`).expect(200)).body as RegionalAnswer;
    const byStep: Record<string, number> = {};
    for (const { step } of spirals) byStep[step] = (byStep[step] ?? 0) + 1;
    expect(view.funnel).toMatchObject({ ...byStep, total: spirals.length });
    const liveTeams = new Set(seeded.filter(({ answer }) => answer.step !== 'closed').map(({ planned }) => planned.team.teamId));
    const registered = teamsOf(first.plan.shas).filter((team) => team.shaCode === shaCode).length;
    expect(view.penetration.teams).toMatchObject({ withLiveSpiral: liveTeams.size, registered });
    const gainsOf = (kind: string) => spirals.reduce((sum, spiral) => sum + spiral.gains.filter((gain) => gain.kind === kind).length, 0);
    expect(gainsOf('achieved')).toBeGreaterThan(0);
    expect(view.sustainedRate).toMatchObject({ achieved: gainsOf('achieved'), sustained: gainsOf('sustained') });
  });

  it('sums up spirals by step as every region sees them, gains included (the plan says change where SPC moved on)', async () => {
    const summed: Record<string, number> = {};
    for (const { code } of first.plan.shas) {
      const { funnel } = (await get(`/regions/${code}/view`).expect(200)).body as RegionalAnswer;
      for (const [step, count] of Object.entries(funnel)) if (step !== 'total') summed[step] = (summed[step] ?? 0) + count;
    }
    expect(first.spiralsByStep).toEqual(summed);
    expect(first.spiralsByStep.sustainability).toBeGreaterThan(0);
    expect(first.figures.spiralsByStep.sustainability).toBe(0);
  });

  it('answers a team view listing each of its seeded spirals at the step GET /spirals/:id gives', async () => {
    const spiral = spiralAt('change', (candidate) => candidate.practice !== undefined);
    const ownTeam: Identity = { role: 'local', org: spiral.team.orgCode, sha: spiral.team.shaCode };
    const view = (await get(`/teams/${spiral.team.teamId}/view`, ownTeam).expect(200)).body as TeamViewAnswer;
    const planned = first.plan.spirals.filter(({ team }) => team.teamId === spiral.team.teamId);
    expect(view.spirals.map(({ spiralId }) => spiralId).sort()).toEqual(planned.map(({ spiralId }) => spiralId).sort());
    for (const { spiralId, step } of view.spirals) expect(((await get(`/spirals/${spiralId}`).expect(200)).body as SpiralAnswer).step).toBe(step);
  });

  it('answers the national view with every registered team and each practice spread to the teams that adopted it', async () => {
    const view = (await get('/national/view').expect(200)).body as NationalAnswer;
    expect(view.teamsRegistered).toBe(teamsOf(first.plan.shas).length);
    for (const practice of first.plan.practices) {
      const adopters = first.plan.spirals.filter((spiral) => spiral.practice?.practiceId === practice.practiceId && spiral.adoptedAt !== undefined);
      const answer = view.practices.find(({ practiceId }) => practiceId === practice.practiceId);
      expect({ practice: practice.template.key, teams: answer?.spread.teams }).toEqual({ practice: practice.template.key, teams: new Set(adopters.map(({ team }) => team.teamId)).size });
      expect(answer?.spread.regions).toBe(new Set(adopters.map(({ team }) => team.shaCode)).size);
    }
  });
});
