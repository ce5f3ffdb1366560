import { shiftRuns, trendRuns, twoInThreeRuns } from './special-cause-rules';
import type { PointPosition } from './xmr-limits';

const band = (side: -1 | 0 | 1): PointPosition => ({ side, beyond: false, nearBand: true });
const plain = (side: -1 | 0 | 1): PointPosition => ({ side, beyond: false, nearBand: false });
const beyond = (side: -1 | 0 | 1): PointPosition => ({ side, beyond: true, nearBand: false });

describe('special-cause rules', () => {
  it('fires a long shift at its seventh point, citing those seven', () => {
    const [run] = shiftRuns([-1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1]);
    expect(run).toMatchObject({ rule: 'shift', direction: 'up', start: 1, end: 9, firedAt: 7, firedIndices: [1, 2, 3, 4, 5, 6, 7] });
  });

  it('gives a peak to both trends around it', () => {
    const runs = trendRuns([1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]);
    expect(runs.map(({ direction, start, end }) => ({ direction, start, end }))).toEqual([
      { direction: 'up', start: 0, end: 6 },
      { direction: 'down', start: 6, end: 12 },
    ]);
  });

  it('makes one cluster of overlapping two-in-three windows, flagging only the points in the band', () => {
    const positions = [plain(1), band(1), band(1), plain(1), band(1), plain(1), plain(-1)];
    expect(twoInThreeRuns(positions)).toEqual([
      { rule: 'twoInThree', direction: 'up', start: 0, end: 4, indices: [1, 2, 4], firedAt: 2, firedIndices: [1, 2] },
    ]);
  });

  it('keeps two-in-three clusters apart when no window joins them', () => {
    const positions = [band(1), band(1), plain(1), plain(1), plain(1), band(1), band(1)];
    expect(twoInThreeRuns(positions).map((run) => run.indices)).toEqual([[0, 1], [5, 6]]);
  });

  it('does not count points beyond a limit towards two in three, but lets them keep the side', () => {
    expect(twoInThreeRuns([band(1), beyond(1), plain(1)])).toEqual([]);
    expect(twoInThreeRuns([band(1), beyond(1), band(1)]).map((run) => run.indices)).toEqual([[0, 2]]);
  });
});
