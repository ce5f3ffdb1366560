import { GainWithdrawn, MeasurementRecorded, streamIds } from '@spiral/event-catalogue';
import { storedCollection } from '@spiral/projections';
import { EnvelopeBuilder, projectInBatches, projectionSpec } from '@spiral/projections/testing';
import { ADOPTED_AT, localHistory, monthOf } from './local-history.test-fixtures';
import { chartOf } from './spiral-series';
import { SPIRALS, spiralViewProjection, type SpiralView } from './spiral-view.projection';

const spec = projectionSpec(spiralViewProjection);
const history = localHistory();
const upTo = (type: string, spiralId: string) => history.slice(0, history.findIndex((e) => e.type === type && e.streamId === streamIds.spiral(spiralId)) + 1);

async function spiralAfter(events: typeof history, spiralId: string): Promise<SpiralView> {
  const view = (await spec.given(events).view())[SPIRALS]?.find((document) => document['id'] === spiralId);
  if (view === undefined) throw new Error(`no view of ${spiralId}`);
  return view as SpiralView;
}

/** The chart a read draws from the stored series. */
const chartAfter = async (events: typeof history, spiralId: string) => chartOf((await spiralAfter(events, spiralId)).series);

describe('the spiral view', () => {
  it('starts at recognition with the series of its measure, empty', async () => {
    const view = await spiralAfter(upTo('NeedRecognised', 'spiral-3'), 'spiral-3');
    expect(view).toMatchObject({
      id: 'spiral-3',
      teamId: 'team-2',
      orgCode: 'RX1',
      step: 'recognition',
      adoptedAt: null,
      series: { improvement: 'increase', target: 55, adoptedAt: null, points: [], rebases: [] },
      recordedGains: [],
      revisions: { 'spiral-spiral-3': 0 },
    });
  });

  it('keeps a series that draws the chart from the baseline before adoption: a run chart while the baseline is too short for limits', async () => {
    const threePoints = history.filter((e) => e.streamId === 'spiral-spiral-1').slice(0, 6);
    const { chart } = await chartAfter(threePoints, 'spiral-1');
    // Three points: fewer than the six that give useful limits (chart-choice.ts), so a run chart around their median.
    expect(chart).toMatchObject({ kind: 'run', reason: 'tooShort', median: 50, mean: null, lowerLimit: null, signals: [] });
    expect(chart?.why).toMatch(/3 points, fewer than the 6/);
    expect(chart?.points.map(({ period, movingRange, type }) => ({ period, movingRange, type }))).toEqual([
      { period: '2004-01-01', movingRange: null, type: 'common' },
      { period: '2004-02-01', movingRange: 2, type: 'common' },
      { period: '2004-03-01', movingRange: 4, type: 'common' },
    ]);
  });

  it('keeps a series whose chart shows its signal, the gains recorded, and moves to sustainability', async () => {
    const view = await spiralAfter(upTo('GainSustained', 'spiral-1'), 'spiral-1');
    const { chart } = chartOf(view.series);
    expect(view).toMatchObject({ step: 'sustainability', adoptedAt: ADOPTED_AT, gains: { achieved: 1, sustained: 1, lost: 0 }, gainStatus: 'sustained' });
    expect(chart).toMatchObject({ mean: 50, trial: false, assurance: 'hitAndMiss', suggestedRebase: { fromPeriod: monthOf(12) } });
    expect(chart?.signals).toEqual([{ rule: 'shift', kind: 'improvement', direction: 'up', periods: Array.from({ length: 19 }, (_, k) => monthOf(12 + k)) }]);
    expect(view.recordedGains.map(({ kind, rule, periods }) => ({ kind, rule, first: periods[0], count: periods.length }))).toEqual([
      { kind: 'achieved', rule: 'shift', first: monthOf(12), count: 7 },
      { kind: 'sustained', rule: 'sustained12', first: monthOf(19), count: 12 },
    ]);
  });

  it('takes back a withdrawn gain, keeping it with what undid it, and returns to the change step with none left', async () => {
    const events = upTo('GainSustained', 'spiral-1');
    const builder = new EnvelopeBuilder();
    const gains = (await spiralAfter(events, 'spiral-1')).recordedGains;
    const withdrawal = (index: number, standing: 'achieved' | 'none') => {
      const { kind, rule, periods } = gains[index]!;
      return GainWithdrawn.create({ spiralId: 'spiral-1', withdrawn: kind, rule, periods: [...periods], undoneBy: 'MeasurementRecorded', undoingPeriod: monthOf(13), standing });
    };
    const streamRevision = events.filter((e) => e.streamId === 'spiral-spiral-1').length;
    const withdrawals = [withdrawal(1, 'achieved'), withdrawal(0, 'none')].map((event, k) => ({
      ...builder.append('spiral-spiral-1', event, { occurredAt: '2007-01-10T09:00:00.000Z' }),
      streamRevision: streamRevision + k,
      globalPosition: events.length + 1 + k,
    }));
    const oneLeft = await spiralAfter([...events, withdrawals[0]!], 'spiral-1');
    expect(oneLeft).toMatchObject({ step: 'sustainability', gains: { achieved: 1, sustained: 0, lost: 0 }, gainStatus: 'achieved' });
    expect(oneLeft.recordedGains.map(({ kind }) => kind)).toEqual(['achieved']);
    const none = await spiralAfter([...events, ...withdrawals], 'spiral-1');
    expect(none).toMatchObject({ step: 'change', gains: { achieved: 0, sustained: 0, lost: 0 }, gainStatus: 'none', recordedGains: [] });
    expect(none.withdrawnGains?.map(({ withdrawn, undoingPeriod }) => ({ withdrawn, undoingPeriod }))).toEqual([
      { withdrawn: 'sustained', undoingPeriod: monthOf(13) },
      { withdrawn: 'achieved', undoingPeriod: monthOf(13) },
    ]);
  });

  it('keeps a confirmed rebase in the series: the chart starts a new group from it', async () => {
    const view = await spiralAfter(history, 'spiral-1');
    const { chart } = chartOf(view.series);
    expect(view.series.rebases).toEqual([monthOf(12)]);
    if (chart?.kind !== 'xmr') throw new Error(`an XmR chart was expected, not ${chart?.kind ?? 'none'}`);
    expect(chart.groups.map(({ fromPeriod }) => fromPeriod)).toEqual([monthOf(0), monthOf(12)]);
    expect(chart?.signals).toEqual([]);
  });

  it('keeps a series that cannot be charted without failing the feed, and a read says why', async () => {
    const b = new EnvelopeBuilder();
    const [need] = history.filter((e) => e.type === 'NeedRecognised' && e.streamId === 'spiral-spiral-3');
    const broken = b.append('spiral-spiral-3', MeasurementRecorded.create({ spiralId: 'spiral-3', period: '2004-02-30', value: 1 }));
    const drawn = await chartAfter([need!, { ...broken, streamRevision: 1, globalPosition: need!.globalPosition + 1 }], 'spiral-3');
    expect(drawn.chart).toBeNull();
    expect(drawn.chartProblem).toMatch(/real date/);
  });

  it('changes nothing when its events are applied again, even past the runner checkpoint', async () => {
    const views = await projectInBatches(spiralViewProjection, [history]);
    const once = await views.get(storedCollection(spiralViewProjection, SPIRALS), 'spiral-1');
    const again = await projectInBatches(spiralViewProjection, [history, history.map((e) => ({ ...e, globalPosition: e.globalPosition + history.length }))]);
    expect(await again.get(storedCollection(spiralViewProjection, SPIRALS), 'spiral-1')).toEqual(once);
    await views.close();
    await again.close();
  });
});
