import { coefficientOfVariation } from './coefficient-of-variation';
import { describe as describeValues, median, shareOf } from './descriptive';
import { relativeImprovement } from './relative-improvement';

describe('descriptive statistics', () => {
  it('describes values with the population sd', () => {
    // mean (2+4+4+4+5+5+7+9)/8 = 5; squares 9+1+1+1+0+0+4+16 = 32; sd = √(32/8) = 2.
    expect(describeValues([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, mean: 5, sd: 2 });
    expect(describeValues([])).toEqual({ n: 0, mean: null, sd: null });
  });

  it('finds the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('gives shares with their counts, and none of nothing', () => {
    expect(shareOf(3, 4)).toEqual({ numerator: 3, denominator: 4, share: 0.75 });
    expect(shareOf(0, 0)).toEqual({ numerator: 0, denominator: 0, share: null });
  });
});

describe('coefficientOfVariation', () => {
  it('divides the sd by the mean', () => {
    // penetration 0.2, 0.4, 0.6: mean 0.4; squares 0.04 + 0 + 0.04 = 0.08; sd = √(0.08/3) = 0.16330; cv = 0.40825.
    const figure = coefficientOfVariation([0.2, 0.4, 0.6]);
    expect(figure.n).toBe(3);
    expect(figure.mean).toBeCloseTo(0.4, 12);
    expect(figure.sd).toBeCloseTo(0.163299, 6);
    expect(figure.cv).toBeCloseTo(0.408248, 6);
  });

  it('is undefined for no values and for a zero mean', () => {
    expect(coefficientOfVariation([]).cv).toBeNull();
    expect(coefficientOfVariation([0, 0]).cv).toBeNull();
  });
});

describe('relativeImprovement', () => {
  it('is positive when a measure that should fall falls', () => {
    // door-to-needle 72 → 54 minutes: (72 − 54) / 72 = 0.25.
    expect(relativeImprovement(72, 54, 'decrease')).toBeCloseTo(0.25, 12);
  });

  it('is positive when a measure that should rise rises, and negative when it falls', () => {
    expect(relativeImprovement(40, 50, 'increase')).toBeCloseTo(0.25, 12);
    expect(relativeImprovement(40, 30, 'increase')).toBeCloseTo(-0.25, 12);
  });

  it('is undefined from a zero baseline', () => {
    expect(relativeImprovement(0, 5, 'increase')).toBeNull();
  });
});
