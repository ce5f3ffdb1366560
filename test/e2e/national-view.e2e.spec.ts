import { THREAD_READS, type ThreadReads } from '@spiral/jobs';
import { bodyOf } from './support/answers';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';
import { national } from './support/local-spirals';
import { at, buildSmallHealthService, type SmallHealthService } from './support/views-story';

const asOf = '2005-06-30';
const close = (value: number) => expect.closeTo(value, 10) as number;

describe('GET /api/v1/national/view and /api/v1/practices/:id/spread', () => {
  let harness: EmbeddedHarness;
  let story: SmallHealthService;
  const get = (path: string, identity: Identity = national) => harness.http.get(`/api/v1${path}`).set(harness.bearer(identity));
  const practiceIn = (body: Record<string, unknown>) => (body.practices as Record<string, unknown>[]).find((practice) => practice.practiceId === story.practiceId)!;

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    story = await buildSmallHealthService(harness);
    await harness.viewsCaughtUp();
  });
  afterAll(() => harness.stop());

  it('spreads the practice over teams, organisations and regions, month by month from publication', async () => {
    const practice = practiceIn(bodyOf(await get(`/national/view?asOf=${asOf}`).expect(200)));
    expect(practice).toMatchObject({ title: 'Nurse-led thrombolysis', status: 'published', publishedAt: at('2004-01-20') });
    // a (RX1, Q01) March, b (RX1) April, d (RY1, Q02) May.
    expect(practice.spread).toEqual({
      teams: 3,
      organisations: 2,
      regions: 2,
      byMonth: [
        { month: '2004-01', teams: 0, organisations: 0, regions: 0 },
        { month: '2004-02', teams: 0, organisations: 0, regions: 0 },
        { month: '2004-03', teams: 1, organisations: 1, regions: 1 },
        { month: '2004-04', teams: 2, organisations: 1, regions: 1 },
        { month: '2004-05', teams: 3, organisations: 2, regions: 2 },
      ],
    });
  });

  it('estimates time to adopt by Kaplan–Meier, teams yet to adopt censored at asOf', async () => {
    const body = bodyOf(await get(`/national/view?asOf=${asOf}`).expect(200));
    expect(body.teamsRegistered).toBe(5);
    // 41, 86 and 111 days after publication; c and e censored at 527 days.
    expect(practiceIn(body).timeToAdopt).toEqual({
      estimated: true,
      unit: 'days',
      followedUntil: at(asOf),
      teams: 5,
      adopted: 3,
      notYetAdopted: 2,
      adoptedShare: close(0.6),
      curve: {
        subjects: 5,
        events: 3,
        censored: 2,
        median: 111,
        steps: [
          { time: 41, atRisk: 5, events: 1, censored: 0, survival: close(0.8) },
          { time: 86, atRisk: 4, events: 1, censored: 0, survival: close(0.6) },
          { time: 111, atRisk: 3, events: 1, censored: 0, survival: close(0.4) },
          { time: 527, atRisk: 2, events: 0, censored: 2, survival: close(0.4) },
        ],
      },
    });
    // Mean 79.33 days, sd 28.96: z −1.32, +0.23, +1.09.
    expect(practiceIn(body).adopterCategories).toMatchObject({ categorised: true, n: 3, counts: { innovators: 0, earlyAdopters: 1, earlyMajority: 0, lateMajority: 1, laggards: 1 } });
  });

  it('measures the geographical variation in penetration', async () => {
    const body = bodyOf(await get(`/national/view?asOf=${asOf}`).expect(200));
    // Teams: Q01 2/3, Q02 1/2: mean 7/12, sd 1/12, cv 1/7. Organisations: Q01 2/2, Q02 1/2: mean 0.75, sd 0.25, cv 1/3.
    expect(body.variation).toMatchObject({
      teams: { n: 2, mean: close(7 / 12), sd: close(1 / 12), cv: close(1 / 7) },
      organisations: { n: 2, mean: 0.75, sd: 0.25, cv: close(1 / 3) },
    });
  });

  it('answers one practice’s spread by month and by region, listing its adopters in order', async () => {
    const body = bodyOf(await get(`/practices/${story.practiceId}/spread?asOf=${asOf}`).expect(200));
    expect(body.totals).toEqual({ teams: 3, organisations: 2, regions: 2 });
    expect(body.diffusion).toMatchObject({ fitted: false, adopters: 3, monthsWithAdoptions: 3 });
    expect(body.byRegion).toEqual([
      { shaCode: 'Q01', teams: 2, organisations: 1, byMonth: [0, 0, 1, 2, 2].map((teams, i) => ({ month: `2004-0${i + 1}`, teams, organisations: Math.min(teams, 1) })) },
      { shaCode: 'Q02', teams: 1, organisations: 1, byMonth: [0, 0, 0, 0, 1].map((teams, i) => ({ month: `2004-0${i + 1}`, teams, organisations: teams })) },
    ]);
    const adopters = body.adopters as Record<string, unknown>[];
    expect(adopters.map(({ order, teamId, daysFromPublication, category }) => [order, teamId, daysFromPublication, category])).toEqual([
      [1, story.teams.a.teamId, 41, 'earlyAdopters'],
      [2, story.teams.b.teamId, 86, 'lateMajority'],
      [3, story.teams.d.teamId, 111, 'laggards'],
    ]);
  });

  it('lets a region read the national figures, listing only its own adopters', async () => {
    await get(`/national/view?asOf=${asOf}`, { role: 'regional', sha: 'Q02' }).expect(200);
    const body = bodyOf(await get(`/practices/${story.practiceId}/spread?asOf=${asOf}`, { role: 'regional', sha: 'Q02' }).expect(200));
    expect((body.adopters as { teamId: string }[]).map((adopter) => adopter.teamId)).toEqual([story.teams.d.teamId]);
    expect(body.totals).toEqual({ teams: 3, organisations: 2, regions: 2 });
  });

  it('reads the national view, a spread and a regional view in the reads thread, one kept for all of them, not on the thread that answers requests', async () => {
    const reads = harness.resolve<ThreadReads>(THREAD_READS);
    await get(`/national/view?asOf=${asOf}`).expect(200);
    await get(`/practices/${story.practiceId}/spread?asOf=${asOf}`).expect(200);
    await get(`/regions/Q01/view?asOf=${asOf}`).expect(200);
    expect(reads.threadsStarted).toBe(1);
  });

  it('answers analysts and auditors, refuses teams, and says what is missing or wrong', async () => {
    for (const reader of [{ role: 'analyst' }, { role: 'auditor' }] as Identity[]) {
      await get('/national/view', reader).expect(200);
      await get(`/practices/${story.practiceId}/spread`, reader).expect(200);
    }
    await get('/national/view', story.teams.a.identity).expect(403);
    await get(`/practices/${story.practiceId}/spread`, story.teams.a.identity).expect(403);
    await get('/practices/no-such-practice/spread').expect(404);
    const bad = await get('/national/view?asOf=yesterday').expect(400);
    expect(bodyOf(bad).problems).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'asOf' })]));
    await get(`/practices/${story.practiceId}/spread?region=Q01`).expect(400);
  });
});
