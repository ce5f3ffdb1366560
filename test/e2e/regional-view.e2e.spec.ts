import { bodyOf } from './support/answers';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';
import { created } from './support/local-spirals';
import { at, buildSmallHealthService, type SmallHealthService } from './support/views-story';

const regionQ01: Identity = { role: 'regional', sha: 'Q01' };
const regionQ02: Identity = { role: 'regional', sha: 'Q02' };
const asOf = '2005-06-30';

describe('GET /api/v1/regions/:sha/view', () => {
  let harness: EmbeddedHarness;
  let story: SmallHealthService;
  const view = (sha: string, identity: Identity, query = `?asOf=${asOf}`) => harness.http.get(`/api/v1/regions/${sha}/view${query}`).set(harness.bearer(identity));

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    story = await buildSmallHealthService(harness);
    await created(harness, '/regions/Q01/support', regionQ01, { teamId: story.teams.c.teamId, kind: 'airCover', description: 'We stand behind the pilot.', occurredAt: at('2004-02-20') });
    const networkId = await created(harness, '/regions/Q01/networks', regionQ01, { name: 'Stroke network', kind: 'network', purpose: 'Share what works.', occurredAt: at('2004-01-25') });
    await created(harness, `/regions/Q01/networks/${networkId}/members`, regionQ01, { teamId: story.teams.a.teamId, occurredAt: at('2004-01-26') });
    await harness.viewsCaughtUp();
  });
  afterAll(() => harness.stop());

  it('counts the funnel and penetration of the region, with what they are made of', async () => {
    const body = bodyOf(await view('Q01', regionQ01).expect(200));
    // a at change, b closed, c at recognition.
    expect(body.funnel).toEqual({ recognition: 1, knowing: 0, decision: 0, change: 1, sustainability: 0, closed: 1, total: 3 });
    // Teams a and c of a, b, c have a live spiral; organisations RX1 (a) and RX2 (c) of RX1, RX2.
    expect(body.penetration).toEqual({
      teams: { withLiveSpiral: 2, registered: 3, share: 2 / 3 },
      organisations: { withLiveSpiral: 2, registered: 2, share: 1 },
    });
  });

  it('draws the region’s adoption curve of the practice by month', async () => {
    const body = bodyOf(await view('Q01', regionQ01).expect(200));
    expect(body.adoption).toEqual([
      {
        practiceId: story.practiceId,
        teams: 2,
        organisations: 1,
        byMonth: [
          { month: '2004-03', teams: 1, organisations: 1 },
          { month: '2004-04', teams: 2, organisations: 1 },
        ],
      },
    ]);
    expect(body.sustainedRate).toEqual({ achieved: 0, sustained: 0, lost: 0, rate: null });
  });

  it('finds stalled spirals against asOf and the stalledDays asked for', async () => {
    const body = bodyOf(await view('Q01', regionQ01).expect(200));
    // c: 2004-02-10 to 2005-06-30 is 506 days; a: 2004-03-01 to 2005-06-30 is 486 days; b is closed.
    expect(body.stalled).toEqual([
      { spiralId: story.spirals.c, title: 'Faster thrombolysis', teamId: story.teams.c.teamId, teamName: 'Stroke unit RX2', orgCode: 'RX2', step: 'recognition', lastEventAt: at('2004-02-10'), daysSinceLastEvent: 506 },
      { spiralId: story.spirals.a, title: 'Faster thrombolysis', teamId: story.teams.a.teamId, teamName: 'Stroke unit RX1', orgCode: 'RX1', step: 'change', lastEventAt: at('2004-03-01'), daysSinceLastEvent: 486 },
    ]);
    const strict = bodyOf(await view('Q01', regionQ01, `?asOf=${asOf}&stalledDays=500`).expect(200));
    expect(strict.stalled).toEqual([expect.objectContaining({ spiralId: story.spirals.c })]);
    const early = bodyOf(await view('Q01', regionQ01, '?asOf=2004-04-01T00:00:00Z').expect(200));
    expect(early).toMatchObject({ asOf: '2004-04-01T00:00:00.000Z', stalledDays: 90, stalled: [] });
  });

  it('judges stalled spirals at the latest event it holds when no moment is asked, not at today\'s date', async () => {
    const latest = bodyOf(await view('Q01', regionQ01, '').expect(200));
    const stalled = latest.stalled as { lastEventAt: string; daysSinceLastEvent: number }[];
    expect(latest.asOfFrom).toBe('latestEvent');
    // The story's history ends in 2004-2005: its moment is there, decades before the test runs.
    expect(Date.parse(latest.asOf as string)).toBeLessThan(Date.parse('2006-01-01'));
    for (const spiral of stalled) expect(spiral.daysSinceLastEvent).toBe(Math.floor((Date.parse(latest.asOf as string) - Date.parse(spiral.lastEventAt)) / 86_400_000));
    expect(bodyOf(await view('Q01', regionQ01).expect(200)).asOfFrom).toBe('query');
  });

  it('lists the support given and the networks', async () => {
    const body = bodyOf(await view('Q01', regionQ01).expect(200));
    expect(body.support).toEqual({ total: 1, byKind: { advice: 0, resources: 0, facilitation: 0, airCover: 1 } });
    expect(body.networks).toEqual([expect.objectContaining({ name: 'Stroke network', kind: 'network', members: 1 })]);
  });

  it('compares the region with the nation and with every other region', async () => {
    const body = bodyOf(await view('Q01', regionQ01).expect(200));
    // Nation: teams a, c, d of five; organisations RX1, RX2, RY1 of four. Q02: d of d, e; RY1 of RY1, RY2.
    expect(body.comparison).toMatchObject({
      national: { penetration: { teams: { withLiveSpiral: 3, registered: 5, share: 0.6 }, organisations: { withLiveSpiral: 3, registered: 4, share: 0.75 } } },
      regions: [
        { shaCode: 'Q01', penetration: body.penetration },
        { shaCode: 'Q02', penetration: { teams: { withLiveSpiral: 1, registered: 2, share: 0.5 }, organisations: { withLiveSpiral: 1, registered: 2, share: 0.5 } } },
      ],
    });
  });

  it('answers the region, national users, analysts and auditors, and refuses other regions and teams', async () => {
    for (const reader of [{ role: 'national' }, { role: 'analyst' }, { role: 'auditor' }] as Identity[]) await view('Q01', reader).expect(200);
    await view('Q01', regionQ02).expect(403);
    await view('Q01', story.teams.a.identity).expect(403);
    await view('Q02', regionQ02).expect(200);
    await view('Q99', { role: 'national' }).expect(404);
    await view('Q99', regionQ01).expect(403);
  });

  it.each([
    ['stalledDays that is not a number', '?stalledDays=abc', 'stalledDays'],
    ['stalledDays that is not whole', '?stalledDays=1.5', 'stalledDays'],
    ['stalledDays below one', '?stalledDays=0', 'stalledDays'],
    ['an impossible asOf', '?asOf=2005-02-30', 'asOf'],
    ['an unknown parameter', '?sort=penetration', 'sort'],
  ])('answers 400 to %s', async (_, query, field) => {
    const response = await view('Q01', regionQ01, query).expect(400);
    expect(bodyOf(response).problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
