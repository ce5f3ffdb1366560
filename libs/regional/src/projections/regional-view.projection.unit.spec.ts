import { sampleHealthService } from '@spiral/projections/testing';
import { projectionSpec } from '@spiral/projections/testing';
import { REGIONAL_COLLECTIONS as C } from './regional-collections';
import { regionalViewProjection } from './regional-view.projection';

const events = sampleHealthService();
const spec = projectionSpec(regionalViewProjection);

describe('regional view projection: the sample health service', () => {
  it('keeps Q01’s funnel, organisations, gains and regional facts', async () => {
    const contents = await spec.given(events).view();
    const q01 = contents[C.regions]!.find((region) => region.shaCode === 'Q01');
    expect(q01).toMatchObject({
      shaCode: 'Q01',
      // Five facts on region-Q01: revisions 0 to 4.
      revision: 4,
      // s1 at sustainability, s2 closed, s3 knowing.
      funnel: { recognition: 0, knowing: 1, decision: 0, change: 0, sustainability: 1, closed: 1 },
      // t1, t2 in RX1 (t1 live: s1), t3 in RX2 (live: s3), t6 in RX3 (no spiral).
      organisations: { RX1: { teams: 2, teamsWithLiveSpiral: 1 }, RX2: { teams: 1, teamsWithLiveSpiral: 1 }, RX3: { teams: 1, teamsWithLiveSpiral: 0 } },
      gains: { achieved: 2, sustained: 1, lost: 1 },
      adoption: {
        'p-nurse-led': {
          t1: { spiralId: 's1', orgCode: 'RX1', shaCode: 'Q01', at: '2004-03-01T00:00:00.000Z' },
          t2: { spiralId: 's2', orgCode: 'RX1', shaCode: 'Q01', at: '2004-04-15T00:00:00.000Z' },
        },
      },
      support: { advice: 2, resources: 0, facilitation: 0, airCover: 1 },
      priorities: [{ priorityId: 'pr-1', until: '2004-12-31', setAt: '2004-01-15T00:00:00.000Z' }],
      spreadStrategies: [{ strategyId: 'st-1', practiceId: 'p-nurse-led', organisations: ['RX1', 'RX2', 'RX3'] }],
    });
  });

  it('keeps Q02 apart: its own teams, spirals and adopters', async () => {
    const contents = await spec.given(events).view();
    const q02 = contents[C.regions]!.find((region) => region.shaCode === 'Q02');
    expect(q02).toMatchObject({
      funnel: { change: 3, closed: 0 },
      organisations: { RY1: { teams: 1, teamsWithLiveSpiral: 1 }, RY2: { teams: 1, teamsWithLiveSpiral: 1 } },
      gains: { achieved: 0, sustained: 0, lost: 0 },
    });
    expect(Object.keys((q02!.adoption as Record<string, unknown>)['p-nurse-led'] as object)).toEqual(['t4', 't5']);
  });

  it('summarises each spiral with its last activity, and each network with its members', async () => {
    await spec.given(events).then(C.spirals, 's3', {
      spiralId: 's3',
      revision: 1,
      teamId: 't3',
      title: 'Faster thrombolysis',
      orgCode: 'RX2',
      shaCode: 'Q01',
      measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
      baseline: 72,
      step: 'knowing',
      live: true,
      recognisedAt: '2004-02-10T00:00:00.000Z',
      lastEventAt: '2004-02-20T00:00:00.000Z',
      adoption: null,
      gains: [],
      // Its timeline: what the view reads it as of a moment from.
      steps: [
        { step: 'recognition', at: '2004-02-10T00:00:00.000Z' },
        { step: 'knowing', at: '2004-02-20T00:00:00.000Z' },
      ],
      activity: ['2004-02-10T00:00:00.000Z', '2004-02-20T00:00:00.000Z'],
      gainChanges: [],
    });
    await spec.given(events).then(C.networks, 'n1', { networkId: 'n1', revision: 2, shaCode: 'Q01', name: 'Network n1', kind: 'communityOfPractice', formedAt: '2004-01-25T00:00:00.000Z', members: 2, joinedAt: ['2004-01-26T00:00:00.000Z', '2004-02-11T00:00:00.000Z'] });
    await spec.given(events).then(C.teams, 't2', { teamId: 't2', revision: 0, registered: true, registeredAt: '2004-01-02T00:00:00.000Z', name: 'Team t2', orgCode: 'RX1', shaCode: 'Q01', liveSpirals: 0 });
  });
});
