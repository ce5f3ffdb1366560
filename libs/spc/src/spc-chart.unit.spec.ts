import { chartChoice, MIN_BASELINE_FOR_LIMITS, sampleSkewness } from './chart-choice';
import { gainsFrom } from './gains';
import { spcChart } from './spc-chart';
import type { Improvement } from './spc-types';
import { baseline, p, ps } from './vectors/handmade-series';
import { monthly } from './vectors/vector-types';

/** A skewed baseline: mostly 1–3, with two long tails (counts of a rare event), G1 ≈ 2.6. */
const skewed = [1, 2, 1, 1, 2, 1, 3, 1, 2, 1, 1, 14, 1, 2, 1, 1, 2, 1, 11, 1];

describe('which chart a series gets', () => {
  it('is XmR with six baseline points or more, not highly skewed', () => {
    expect(chartChoice(baseline).kind).toBe('xmr');
    expect(chartChoice(baseline.slice(0, MIN_BASELINE_FOR_LIMITS)).kind).toBe('xmr');
  });

  it('is a run chart below six baseline points: too short for limits, and says so', () => {
    expect(chartChoice(baseline.slice(0, 5))).toEqual({ kind: 'run', reason: 'tooShort', why: expect.stringMatching(/5 points, fewer than the 6/) as unknown });
  });

  it('is a run chart when the baseline is highly skewed, beyond ±1 and twice its standard error', () => {
    const skew = sampleSkewness(skewed)!;
    expect(skew.skewness).toBeGreaterThan(1);
    expect(skew.skewness).toBeGreaterThan(2 * skew.standardError);
    expect(chartChoice(skewed)).toMatchObject({ kind: 'run', reason: 'tooSkewed' });
    // A mildly lopsided baseline (G1 ≈ 0.9) keeps its limits.
    const mild = [10, 11, 10, 12, 10, 13, 11, 10, 12, 10];
    expect(sampleSkewness(mild)!.skewness).toBeLessThan(1);
    expect(chartChoice(mild).kind).toBe('xmr');
  });
});

describe('the spiral chart', () => {
  const input = (values: number[], adoptedAt?: string, improvement: Improvement = 'increase') => ({ points: monthly(values), improvement, ...(adoptedAt ? { adoptedAt } : {}) });

  it('is the XmR chart, saying so, where limits can be had', () => {
    expect(spcChart(input(baseline))).toMatchObject({ kind: 'xmr', why: expect.stringMatching(/XmR/) as unknown, mean: 11, trial: false });
  });

  it('is a run chart around the baseline median with the Anhøj figures and its signals, where they cannot', () => {
    // Four baseline points (median 11), adoption, then nine points above: longest run 9 > 7 of 13 useful.
    const chart = spcChart(input([10, 12, 10, 12, 13, 13, 14, 13, 14, 13, 13, 14, 13], p(3)));
    expect(chart).toMatchObject({ kind: 'run', reason: 'tooShort', median: 11, mean: null, lowerLimit: null, upperLimit: null, baselinePeriods: ps(0, 3) });
    expect(chart.kind === 'run' && chart.runs).toEqual({ useful: 13, longestRun: 10, longestRunMax: 7, crossings: 3, crossingsMin: 3 });
    expect(chart.signals).toEqual([{ rule: 'longestRun', kind: 'improvement', direction: 'up', periods: [p(3), ...ps(4, 12)] }]);
    expect(chart.points.filter((point) => point.type === 'improvement')).toHaveLength(10);
    expect(chart.points[0]).toMatchObject({ type: 'common', rule: null, movingRange: null });
  });

  it('draws a single point as a run chart with nothing to judge', () => {
    expect(spcChart(input([7]))).toMatchObject({ kind: 'run', median: 7, runs: null, signals: [], points: [{ period: p(0), value: 7 }] });
  });
});

describe('gains on a run chart: its Anhøj signals drive them', () => {
  const after = (values: number[], improvement: Improvement = 'increase') =>
    gainsFrom({ points: monthly([10, 12, 10, 12, ...values]), improvement, adoptedAt: p(3) });

  it('achieves on the first run after adoption longer than the longest-run limit', () => {
    // 4 baseline points (median 11), then points above: at the 7th, 11 useful points, limit
    // round(log2 11) + 3 = 6, and 7 of the run are after the adoption; at the 6th, 6 is not above 6.
    const facts = after([13, 13, 13, 13, 13, 13, 13, 13]);
    expect(facts).toEqual([{ fact: 'achieved', gain: 1, rule: 'longestRun', periods: ps(4, 10) }]);
  });

  it('sustains after twelve more points on the improved side, and loses on a long run back', () => {
    const up = Array.from({ length: 20 }, () => 13);
    expect(after(up).map(({ fact }) => fact)).toEqual(['achieved', 'sustained']);
    const facts = after([...up.slice(0, 8), ...Array.from({ length: 10 }, () => 9)]);
    expect(facts.map(({ fact, rule }) => [fact, rule])).toEqual([['achieved', 'longestRun'], ['lost', 'longestRun']]);
  });

  it('reads nothing into a measure that should fall when points rise, nor into points on the median', () => {
    expect(after(Array.from({ length: 10 }, () => 13), 'decrease')).toEqual([]);
    expect(after(Array.from({ length: 10 }, () => 11))).toEqual([]);
  });
});
