import { SAMPLE_AS_OF, sampleHealthService } from '@spiral/projections/testing';
import type { ViewStore } from '@spiral/ports';
import { projectInBatches } from '@spiral/projections/testing';
import type { RegionalView } from './regional-view';
import { RegionalViewReader } from './regional-view.reader';
import { regionalViewProjection } from './regional-view.projection';

describe('the regional view as read (the sample health service, as of 2005-06-30)', () => {
  let views: ViewStore;
  let q01: RegionalView;
  beforeAll(async () => {
    views = await projectInBatches(regionalViewProjection, [sampleHealthService()]);
    q01 = (await new RegionalViewReader(views).read('Q01', { asOf: SAMPLE_AS_OF, now: '2026-01-01T00:00:00.000Z', stalledDays: 90 }))!;
  });
  afterAll(() => views.close());

  it('counts the funnel and penetration with what they are made of', () => {
    expect(q01.funnel).toEqual({ recognition: 0, knowing: 1, decision: 0, change: 0, sustainability: 1, closed: 1, total: 3 });
    // Teams: t1 and t3 of t1, t2, t3, t6. Organisations: RX1 and RX2 of RX1, RX2, RX3.
    expect(q01.penetration).toEqual({
      teams: { withLiveSpiral: 2, registered: 4, share: 0.5 },
      organisations: { withLiveSpiral: 2, registered: 3, share: 2 / 3 },
    });
  });

  it('draws the adoption curve month by month', () => {
    expect(q01.adoption).toEqual([
      {
        practiceId: 'p-nurse-led',
        teams: 2,
        organisations: 1,
        byMonth: [
          { month: '2004-03', teams: 1, organisations: 1 },
          { month: '2004-04', teams: 2, organisations: 1 },
        ],
      },
    ]);
  });

  it('gives the sustained rate and the stalled spirals, longest stalled first', () => {
    expect(q01.sustainedRate).toEqual({ achieved: 2, sustained: 1, lost: 1, rate: 0.5 });
    // s3: 2004-02-20 to 2005-06-30 is 496 days; s1: 2005-03-01 to 2005-06-30 is 121 days. s2 is closed.
    expect(q01.stalled).toEqual([
      { spiralId: 's3', title: 'Faster thrombolysis', teamId: 't3', teamName: 'Team t3', orgCode: 'RX2', step: 'knowing', lastEventAt: '2004-02-20T00:00:00.000Z', daysSinceLastEvent: 496 },
      { spiralId: 's1', title: 'Faster thrombolysis', teamId: 't1', teamName: 'Team t1', orgCode: 'RX1', step: 'sustainability', lastEventAt: '2005-03-01T00:00:00.000Z', daysSinceLastEvent: 121 },
    ]);
  });

  it('judges stalled spirals at the latest event the view holds when no moment is asked, not at today\'s date', async () => {
    const events = sampleHealthService();
    const latest = events.filter((event) => event.streamId.startsWith('spiral-')).reduce((at, event) => (event.occurredAt > at ? event.occurredAt : at), '');
    const view = (await new RegionalViewReader(views).read('Q01', { now: '2026-01-01T00:00:00.000Z', stalledDays: 90 }))!;
    expect(view).toMatchObject({ asOf: latest, asOfFrom: 'latestEvent' });
    for (const spiral of view.stalled) expect(spiral.daysSinceLastEvent).toBe(Math.floor((Date.parse(latest) - Date.parse(spiral.lastEventAt)) / 86_400_000));
    expect(q01).toMatchObject({ asOf: SAMPLE_AS_OF, asOfFrom: 'query' });
  });

  it('moves the stalled threshold as asked', async () => {
    const reader = new RegionalViewReader(views);
    const strict = await reader.read('Q01', { asOf: SAMPLE_AS_OF, now: '2026-01-01T00:00:00.000Z', stalledDays: 200 });
    expect(strict!.stalled.map((spiral) => spiral.spiralId)).toEqual(['s3']);
  });

  it('lists support, networks, priorities and how far the spread strategy reached', () => {
    expect(q01.support).toEqual({ total: 3, byKind: { advice: 2, resources: 0, facilitation: 0, airCover: 1 } });
    expect(q01.networks).toEqual([{ networkId: 'n1', name: 'Network n1', kind: 'communityOfPractice', members: 2 }]);
    expect(q01.priorities).toEqual([expect.objectContaining({ priorityId: 'pr-1', standing: false })]);
  });

  it('lists only the priorities set by the view\'s moment', async () => {
    const [priority] = q01.priorities;
    const justBefore = new Date(Date.parse(priority!.setAt) - 1).toISOString();
    const before = await new RegionalViewReader(views).read('Q01', { asOf: justBefore, now: '2026-01-01T00:00:00.000Z', stalledDays: 90 });
    expect(before!.priorities).toEqual([]);
    const at = await new RegionalViewReader(views).read('Q01', { asOf: priority!.setAt, now: '2026-01-01T00:00:00.000Z', stalledDays: 90 });
    expect(at!.priorities.map(({ priorityId }) => priorityId)).toEqual(['pr-1']);
    // Of RX1, RX2, RX3 only RX1 has an adopting team.
    expect(q01.spreadStrategies).toEqual([expect.objectContaining({ strategyId: 'st-1', reach: { named: 3, adopting: 1, share: 1 / 3 } })]);
  });

  it('compares with the nation and with every region, in code order', () => {
    // Q02: t4 and t5 both live, RY1 and RY2 both live. Nation: teams 4 of 6, organisations 4 of 5.
    expect(q01.comparison.regions).toEqual([
      { shaCode: 'Q01', penetration: q01.penetration },
      { shaCode: 'Q02', penetration: { teams: { withLiveSpiral: 2, registered: 2, share: 1 }, organisations: { withLiveSpiral: 2, registered: 2, share: 1 } } },
    ]);
    expect(q01.comparison.national.penetration).toEqual({
      teams: { withLiveSpiral: 4, registered: 6, share: 4 / 6 },
      organisations: { withLiveSpiral: 4, registered: 5, share: 4 / 5 },
    });
    expect(q01.comparison.national.sustainedRate).toEqual({ achieved: 2, sustained: 1, lost: 1, rate: 0.5 });
    expect(q01.comparison.national.funnel).toMatchObject({ knowing: 1, change: 3, sustainability: 1, closed: 1, total: 6 });
  });

  it('knows nothing of a region without facts', async () => {
    expect(await new RegionalViewReader(views).read('Q99', { asOf: SAMPLE_AS_OF, now: '2026-01-01T00:00:00.000Z', stalledDays: 90 })).toBeUndefined();
  });
});
