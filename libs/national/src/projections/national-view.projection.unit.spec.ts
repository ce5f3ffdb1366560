import { sampleHealthService } from '@spiral/projections/testing';
import { projectionSpec } from '@spiral/projections/testing';
import { NATIONAL_COLLECTIONS as C } from './national-collections';
import { nationalViewProjection } from './national-view.projection';

const events = sampleHealthService();
const spec = projectionSpec(nationalViewProjection);
const at = (date: string) => `${date}T00:00:00.000Z`;

describe('national view projection: the sample health service', () => {
  it('keeps a practice’s catalogue facts and first adoption per team, and each adopting spiral’s gains and impact', async () => {
    const contents = await spec.given(events).view();
    const practice = contents[C.practices]!.find((document) => document.practiceId === 'p-nurse-led');
    expect(practice).toMatchObject({
      revision: 1,
      status: 'published',
      title: 'Practice p-nurse-led',
      targetMeasures: ['Door-to-needle time'],
      publishedAt: at('2004-01-20'),
      adopters: {
        t1: { spiralId: 's1', orgCode: 'RX1', shaCode: 'Q01', at: at('2004-03-01') },
        t2: { spiralId: 's2', orgCode: 'RX1', shaCode: 'Q01', at: at('2004-04-15') },
        t4: { spiralId: 's4', orgCode: 'RY1', shaCode: 'Q02', at: at('2004-05-10') },
        t5: { spiralId: 's6', orgCode: 'RY2', shaCode: 'Q02', at: at('2004-08-01') },
      },
    });
    const spirals = contents[C.practiceSpirals]!.filter((document) => document.practiceId === 'p-nurse-led');
    expect(spirals.map((document) => document.spiralId).sort()).toEqual(['s1', 's2']);
    expect(spirals.find((document) => document.spiralId === 's1')).toMatchObject({
      gains: [{ achievedAt: at('2004-06-05'), sustainedAt: at('2005-03-01'), lostAt: null }],
      // (66 − 49.5) / 66
      impact: { baseline: { value: 66, points: 3, source: 'measured' }, after: { mean: 49.5, points: 2 }, relativeImprovement: 0.25, teamId: 't1', measure: 'Door-to-needle time' },
    });
    expect(spirals.find((document) => document.spiralId === 's2')).toMatchObject({
      gains: [{ achievedAt: at('2004-07-02'), sustainedAt: null, lostAt: at('2004-10-01') }],
      // (80 − 60) / 80
      impact: { baseline: { value: 80, points: 1, source: 'measured' }, after: { mean: 60, points: 2 }, relativeImprovement: 0.25 },
    });
  });

  it('keeps a retired practice, its field test, and the regions’ counts', async () => {
    const contents = await spec.given(events).view();
    expect(contents[C.practices]!.find((document) => document.practiceId === 'p-pre-alert')).toMatchObject({
      status: 'retired',
      retiredAt: at('2005-06-01'),
      adopters: { t4: { spiralId: 's5', at: at('2004-06-20') } },
    });
    await spec.given(events).then(C.fieldTests, 'ft-1', {
      fieldTestId: 'ft-1',
      revision: 3,
      practiceId: 'p-pre-alert',
      sites: ['RX1', 'RY1'],
      startedAt: at('2004-01-10'),
      reports: [
        { site: 'RX1', measure: 'Door-to-needle time', baselineValue: 70, resultValue: 50 },
        { site: 'RY1', measure: 'Door-to-needle time', baselineValue: 70, resultValue: 50 },
      ],
      verdict: 'effective',
      effectSize: 0.6,
      effectScale: 'protocol',
      concludedAt: at('2004-03-01'),
    });
    await spec.given(events).then(C.regions, 'Q02', {
      shaCode: 'Q02',
      organisations: { RY1: { teams: 1, teamsWithLiveSpiral: 1 }, RY2: { teams: 1, teamsWithLiveSpiral: 1 } },
      registrations: [at('2004-01-02'), at('2004-01-02')],
    });
  });
});
