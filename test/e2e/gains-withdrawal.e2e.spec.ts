import { foldHistory } from '@spiral/command-handling';
import { MeasurementRecorded, streamIds } from '@spiral/event-catalogue';
import { spiralDecider } from '@spiral/local';
import { gainsFrom, type MeasurePoint } from '@spiral/spc';
import fc from 'fast-check';
import { ADOPTED_AT, BASELINE, monthOf, months } from './support/dated-spirals';
import { GainsWorld } from './support/gains-world';

const SHIFT_UP = [51, 52, 51, 52, 51, 52, 51];

/** The spiral's gains net of withdrawals, as its write path folds them. */
async function recordedGains(world: GainsWorld, spiralId: string) {
  const state = foldHistory(spiralDecider, await world.store.readStream(streamIds.spiral(spiralId)));
  return state.status === 'recognised' ? state.gains.map(({ kind, rule, periods }) => ({ fact: kind, rule, periods: [...periods] })) : [];
}

/** What the chart shows, straight from @spiral/spc over the points recorded so far. */
function chartGains(points: readonly MeasurePoint[]) {
  return gainsFrom({ points: [...BASELINE.map((value, k) => ({ period: monthOf(k), value })), ...points], improvement: 'increase', adoptedAt: ADOPTED_AT }).map(
    ({ fact, rule, periods }) => ({ fact, rule, periods }),
  );
}

describe('gains withdrawn when a point entered late undoes them', () => {
  let world: GainsWorld;
  beforeEach(async () => {
    world = await GainsWorld.open();
    await world.adoptedSpiral('s1');
  });
  afterEach(() => world.close());

  it('withdraws a gain whose shift a late point broke, citing that point', async () => {
    const manager = await world.manager();
    // Six points above the mean, a gap in March 2005, then the seventh: a shift fires on 2005-01..2005-08.
    const periods = months(12, 8).filter((period) => period !== monthOf(14));
    for (const [k, period] of periods.entries()) {
      await world.append('s1', MeasurementRecorded.create({ spiralId: 's1', period, value: SHIFT_UP[k]! }), `2005-09-0${k + 1}T09:00:00.000Z`);
    }
    await world.drain(manager);
    expect(await recordedGains(world, 's1')).toEqual([{ fact: 'achieved', rule: 'shift', periods: [...months(12, 2), ...months(15, 5)] }]);

    // March 2005 entered late, below the mean: the run of seven is broken.
    const late = await world.append('s1', MeasurementRecorded.create({ spiralId: 's1', period: monthOf(14), value: 49 }), '2005-10-01T09:00:00.000Z');
    await world.drain(manager);
    const [withdrawal] = (await world.gainsOf('s1')).filter((event) => event.type === 'GainWithdrawn');
    expect(withdrawal).toMatchObject({
      data: { withdrawn: 'achieved', rule: 'shift', undoneBy: 'MeasurementRecorded', undoingPeriod: monthOf(14), standing: 'none' },
      causationId: late.eventId,
      correlationId: late.correlationId,
    });
    expect(await recordedGains(world, 's1')).toEqual([]);
  });

  it('keeps the recorded gains equal to the chart after every point, late points included (property)', async () => {
    // Values after adoption: levels that may shift a gain in and out; the order they are entered in
    // is a permutation, so many points arrive after later periods (history entered late).
    const series = fc.array(fc.oneof(fc.constantFrom(49, 50, 51, 52, 53), fc.integer({ min: 40, max: 62 })), { minLength: 8, maxLength: 24 });
    const entered = series.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values.map((_, k) => k), { minLength: values.length, maxLength: values.length })));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(entered, async ([values, order]) => {
        const spiralId = `p${(run += 1)}`;
        await world.adoptedSpiral(spiralId);
        const manager = await world.manager();
        const points: MeasurePoint[] = [];
        for (const [k, index] of order.entries()) {
          const point = { period: monthOf(12 + index), value: values[index]! };
          points.push(point);
          const day = new Date(Date.UTC(2007, 0, 1 + k, 9)).toISOString();
          await world.append(spiralId, MeasurementRecorded.create({ spiralId, ...point }), day);
          await world.drain(manager);
          expect(await recordedGains(world, spiralId)).toEqual(chartGains(points));
        }
      }),
      { numRuns: 40 },
    );
    // The generated histories did take gains back: the property was tested where it matters.
    const withdrawals = (await world.everything()).filter((event) => event.type === 'GainWithdrawn');
    expect(withdrawals.length).toBeGreaterThan(0);
    // 40 histories of up to 24 points, each drained through the real store: ~15 s alone, far more on a busy machine.
  }, 240_000);
});
