import { movingRanges, positionOf, xmrLimits } from './xmr-limits';

describe('xmrLimits', () => {
  it('needs two points for a moving range', () => {
    expect(xmrLimits([])).toBeNull();
    expect(xmrLimits([4])).toBeNull();
    expect(xmrLimits([4, 6])).toMatchObject({ mean: 5, averageMovingRange: 2, lowerLimit: 5 - 5.32, upperLimit: 5 + 5.32 });
  });

  it('puts the limits on the mean when every value is the same', () => {
    expect(xmrLimits([3, 3, 3], true)).toMatchObject({ mean: 3, averageMovingRange: 0, lowerLimit: 3, upperLimit: 3 });
  });

  it('drops a moving range exactly at 3.267 × the mean when screening, as NHSRplotthedots keeps only mr < 3.267 × amr', () => {
    // Ranges 1 (×9) and x: x = 3.267 × (9 + x) / 10 gives x = 3.267 × 9 / 6.733.
    const x = (3.267 * 9) / 6.733;
    const values = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1 + x];
    expect(movingRanges(values).at(-1)).toBeCloseTo(x, 12);
    expect(xmrLimits(values, true)!.averageMovingRange).toBeCloseTo(1, 6);
    expect(xmrLimits(values, false)!.averageMovingRange).toBeCloseTo((9 + x) / 10, 12);
  });
});

describe('positionOf', () => {
  const limits = xmrLimits([10, 12, 10, 12])!; // mean 11, mR 2: limits 5.68 and 16.32

  it('puts a point on a limit inside it and in the band', () => {
    expect(positionOf(limits.upperLimit, limits)).toEqual({ side: 1, beyond: false, nearBand: true });
  });

  it('puts a point on a near-limit line outside the band', () => {
    expect(positionOf(limits.nearLowerLimit, limits)).toEqual({ side: -1, beyond: false, nearBand: false });
  });

  it('puts a point on the mean on neither side', () => {
    expect(positionOf(11, limits)).toEqual({ side: 0, beyond: false, nearBand: false });
  });

  it('puts a point past a limit beyond it and out of the band', () => {
    expect(positionOf(5, limits)).toEqual({ side: -1, beyond: true, nearBand: false });
  });
});
