import { embeddedConfigFrom } from '@spiral/embedded-system';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSeed, type SeedRunResult } from '../../apps/cli/src/seed/seed-runner';
import { DEFAULT_RANDOM_SEED } from '../../apps/cli/src/seed/seed-size';
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

  it('stores the whole planned history, every command accepted by its decider', () => {
    expect(first.eventsStored).toBeGreaterThan(3000);
    expect(first.commandsReplayed).toBe(0);
    expect(first.headBefore).toBe(0);
    expect(first.headAfter).toBe(first.eventsStored);
  });

  it('stores nothing new when run again with the same flags', async () => {
    const second = await seed();
    expect(second.eventsStored).toBe(0);
    expect(second.commandsReplayed).toBe(first.figures.commands);
    expect(second.headAfter).toBe(first.headAfter);
  });

  // The system started on the seeded folder reads it as it would any history (its process managers
  // may add gains from the seeded measurements meanwhile: that is theirs to decide, not the seed's).
  it('starts the embedded system on the seeded folder', async () => {
    harness = await EmbeddedHarness.start({ dataDir });
    expect(await harness.eventStore.headPosition()).toBeGreaterThanOrEqual(first.headAfter);
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
    // Seeded at change; at sustainability once the gains process manager has found a gain on its chart.
    expect(['change', 'sustainability']).toContain(answer.step);
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
});
