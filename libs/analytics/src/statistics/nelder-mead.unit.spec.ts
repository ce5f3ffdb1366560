import { nelderMead } from './nelder-mead';

describe('nelderMead', () => {
  it('finds the minimum of a shifted bowl', () => {
    const minimum = nelderMead(([x = 0, y = 0]) => (x - 3) ** 2 + 2 * (y + 1) ** 2, [0, 0]);
    expect(minimum.x[0]).toBeCloseTo(3, 5);
    expect(minimum.x[1]).toBeCloseTo(-1, 5);
    expect(minimum.value).toBeCloseTo(0, 9);
  });

  it("finds Rosenbrock's minimum at (1, 1) from the classic start (−1.2, 1)", () => {
    // Rosenbrock HH, Computer Journal 3(3), 1960: the curved valley simplex methods are tested on.
    const minimum = nelderMead(([x = 0, y = 0]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], { maxIterations: 5000 });
    expect(minimum.x[0]).toBeCloseTo(1, 4);
    expect(minimum.x[1]).toBeCloseTo(1, 4);
  });

  it('stays out of where the objective answers Infinity', () => {
    const minimum = nelderMead(([x = 0]) => (x <= 0 ? Infinity : (Math.log(x) - 1) ** 2), [2]);
    expect(minimum.x[0]).toBeCloseTo(Math.E, 4);
  });
});
