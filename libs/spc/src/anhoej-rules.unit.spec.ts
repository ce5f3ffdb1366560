import { binomialHalfQuantile, crossingsLimit, longestRunLimit, median, runsAnalysis } from './anhoej-rules';
import { QICHARTS2_24_POINTS, QICHARTS2_ANHOEJ_LIMITS } from './vectors/qicharts2-anhoej.vectors';

describe('the Anhøj rules as qicharts2 computes them', () => {
  it.each(QICHARTS2_ANHOEJ_LIMITS)('with %i useful points: longest run above %i, fewer crossings than %i (vignette Appendix 2)', (useful, longestRunMax, crossingsMin) => {
    expect(longestRunLimit(useful)).toBe(longestRunMax);
    expect(crossingsLimit(useful)).toBe(crossingsMin);
  });

  it('gives the vignette worked example for 24 points', () => {
    expect({ useful: 24, longestRunMax: longestRunLimit(24), crossingsMin: crossingsLimit(24) }).toEqual(QICHARTS2_24_POINTS);
  });

  it('finds qbinom the way R does: the smallest x whose CDF reaches p', () => {
    // R: qbinom(0.05, 3, 0.5) = 0 (P(X = 0) = 0.125); qbinom(0.05, 0, 0.5) = 0; qbinom(0.5, 10, 0.5) = 5.
    expect([binomialHalfQuantile(0.05, 3), binomialHalfQuantile(0.05, 0), binomialHalfQuantile(0.5, 10)]).toEqual([0, 0, 5]);
  });

  it('counts runs and crossings as runs.analysis does: points on the centre line neither break nor count', () => {
    // Signs: + + 0 + − − + ; the 0 is dropped: runs (+ + +)(− −)(+): 6 useful, longest 3, 2 crossings.
    const analysis = runsAnalysis([2, 3, 1, 4, 0, -1, 5], 1);
    expect(analysis).toMatchObject({ useful: 6, longestRun: 3, crossings: 2, longestRunIndices: [0, 1, 3], longestRunSide: 1 });
    expect(analysis).toMatchObject({ longestRunMax: longestRunLimit(6), crossingsMin: crossingsLimit(6), longestRunSignal: false });
  });

  it('signals a shift: a run longer than the limit, and too few crossings', () => {
    // 12 points: 4 below then 8 above the centre: longest 8 > 7, 1 crossing < 3.
    const analysis = runsAnalysis([...Array.from({ length: 4 }, () => 0), ...Array.from({ length: 8 }, () => 2)], 1);
    expect(analysis).toMatchObject({ useful: 12, longestRun: 8, longestRunMax: 7, crossings: 1, crossingsMin: 3, longestRunSignal: true, fewCrossingsSignal: true });
  });

  it('has nothing to judge without a useful point, and takes R’s median', () => {
    expect(runsAnalysis([1, 1], 1)).toMatchObject({ useful: 0, longestRunSignal: false, fewCrossingsSignal: false });
    expect([median([3, 1, 2]), median([4, 1, 3, 2]), median([])]).toEqual([2, 2.5, null]);
  });
});
