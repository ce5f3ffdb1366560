import { xmrChart } from './chart';
import { SpcInputError } from './spc-input';
import type { XmrChartInput } from './spc-types';
import { baseline, p, ps } from './vectors/handmade-series';
import { monthly, rep } from './vectors/vector-types';

const refused = (input: XmrChartInput): SpcInputError => {
  try {
    xmrChart(input);
  } catch (error: unknown) {
    if (error instanceof SpcInputError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
};

describe('xmrChart: input it refuses', () => {
  it.each([
    ['a NaN value', { points: [{ period: '2021-01-01', value: Number.NaN }], improvement: 'increase' }, 'non_finite_value', 'points[0].value'],
    ['an infinite value', { points: [{ period: '2021-01-01', value: Infinity }], improvement: 'increase' }, 'non_finite_value', 'points[0].value'],
    ['a duplicate period', { points: monthly([1, 2]).concat({ period: '2021-01-01', value: 3 }), improvement: 'increase' }, 'duplicate_period', 'points[2].period'],
    ['an impossible date', { points: [{ period: '2021-02-30', value: 1 }], improvement: 'increase' }, 'invalid_period', 'points[0].period'],
    ['a period that is not a date', { points: [{ period: '2021-01', value: 1 }], improvement: 'increase' }, 'invalid_period', 'points[0].period'],
    ['an adoption that is not a date', { points: monthly([1, 2]), improvement: 'increase', adoptedAt: 'soon' }, 'invalid_adopted_at', 'adoptedAt'],
    ['a rebase that is not a date', { points: monthly([1, 2]), improvement: 'increase', rebases: ['2021-13-01'] }, 'invalid_rebase', 'rebases[0]'],
    ['a non-finite target', { points: monthly([1, 2]), improvement: 'increase', target: Number.NaN }, 'non_finite_target', 'target'],
    ['an unknown direction', { points: monthly([1, 2]), improvement: 'up' as never }, 'invalid_improvement', 'improvement'],
  ] as [string, XmrChartInput, string, string][])('refuses %s', (_name, input, code, field) => {
    const error = refused(input);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });
});

describe('xmrChart: shape', () => {
  it('draws nothing from no points', () => {
    expect(xmrChart({ points: [], improvement: 'increase' })).toEqual({
      points: [], groups: [], mean: null, lowerLimit: null, upperLimit: null, nearLowerLimit: null, nearUpperLimit: null, trial: true, signals: [],
    });
  });

  it('gives one point no limits and no type', () => {
    const chart = xmrChart({ points: monthly([7]), improvement: 'increase', target: 5 });
    expect(chart.groups[0]).toMatchObject({ mean: null, upperLimit: null, trial: true, baselinePeriods: [p(0)] });
    expect(chart.points).toEqual([{ period: p(0), value: 7, movingRange: null, type: 'common', rule: null, group: 0 }]);
    expect(chart.assurance).toBeUndefined();
  });

  it('orders points by period, whatever order they came in', () => {
    const points = monthly([...baseline, 17]);
    expect(xmrChart({ points: [...points].reverse(), improvement: 'increase' })).toEqual(xmrChart({ points, improvement: 'increase' }));
  });

  it('gives each point its moving range within its group, and the rule that typed it', () => {
    const chart = xmrChart({ points: monthly([...baseline, 17, 12, 13]), improvement: 'increase', rebases: [p(21)] });
    expect(chart.points.map((point) => point.movingRange)).toEqual([null, ...Array.from({ length: 19 }, () => 2), 5, null, 1]);
    expect(chart.points[20]).toMatchObject({ type: 'improvement', rule: 'astronomical', group: 0 });
  });

  it('takes the first 20 points as the baseline without an adoption', () => {
    const chart = xmrChart({ points: monthly([...baseline, 30, 30]), improvement: 'increase' });
    expect(chart.groups[0]!.baselinePeriods).toEqual(ps(0, 19));
    expect(chart.groups[0]).toMatchObject({ mean: 11, averageMovingRange: 2, trial: false });
  });

  it('counts a period on the adoption date as before it, and reads a date-time by its date', () => {
    const chart = xmrChart({ points: monthly(baseline), improvement: 'increase', adoptedAt: `${p(5)}T16:30:00+01:00` });
    expect(chart.groups[0]!.baselinePeriods).toEqual(ps(0, 5));
  });

  it('takes the first 20 points when fewer than two precede the adoption', () => {
    const chart = xmrChart({ points: monthly(baseline), improvement: 'increase', adoptedAt: '2020-06-01' });
    expect(chart.groups[0]!.baselinePeriods).toEqual(ps(0, 19));
  });

  it('starts a rebased group at the first point on or after the rebase, and ignores rebases that change nothing', () => {
    const chart = xmrChart({ points: monthly(baseline), improvement: 'increase', rebases: ['2020-01-01', '2021-10-15', '2030-01-01'] });
    expect(chart.groups.map((group) => group.fromPeriod)).toEqual([p(0), p(10)]);
    expect(chart.points.map((point) => point.group)).toEqual([...rep(0, 10), ...rep(1, 10)]);
  });

  it('lets the last group speak for the chart', () => {
    const chart = xmrChart({ points: monthly([...baseline, 20, 22, 20, 22]), improvement: 'increase', rebases: [p(20)] });
    expect(chart).toMatchObject({ mean: 21, lowerLimit: 15.68, upperLimit: 26.32, trial: true });
    expect(chart.nearUpperLimit).toBeCloseTo(21 + (2 * 2.66 * 2) / 3, 12);
  });
});
