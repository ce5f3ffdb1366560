export interface NelderMeadOptions {
  readonly maxIterations?: number;
  /** Stop when the simplex's values and vertices are both within this of the best. */
  readonly tolerance?: number;
  /** Size of the first simplex's steps from the start, per coordinate. */
  readonly step?: number;
}

export interface Minimum {
  readonly x: readonly number[];
  readonly value: number;
  readonly iterations: number;
}

type Vertex = { x: number[]; value: number };

const along = (from: readonly number[], to: readonly number[], t: number) => from.map((value, i) => value + t * (to[i]! - value));

/**
 * The Nelder–Mead downhill simplex (Nelder JA, Mead R, "A simplex method for function
 * minimization", Computer Journal 7(4), 1965) with the standard coefficients and the
 * reflect / expand / outside- and inside-contract / shrink steps as Lagarias JC et al. state them
 * ("Convergence properties of the Nelder–Mead simplex method in low dimensions", SIAM J Optim 9(1),
 * 1998): reflection 1, expansion 2, contraction ½, shrink ½. Derivative-free, so an objective may
 * answer Infinity outside its bounds. Written here rather than installed: a few lines, no dependency.
 */
export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): Minimum {
  const { maxIterations = 2000, tolerance = 1e-10, step = 0.5 } = options;
  const vertex = (x: number[]): Vertex => ({ x, value: f(x) });
  let simplex: Vertex[] = [vertex([...start]), ...start.map((_, i) => vertex(start.map((value, j) => (i === j ? value + step : value))))];
  let iterations = 0;
  for (; iterations < maxIterations; iterations += 1) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex.at(-1)!;
    const secondWorst = simplex.at(-2)!;
    const spread = Math.max(...simplex.map((v) => Math.abs(v.value - best.value)));
    const size = Math.max(...simplex.flatMap((v) => v.x.map((value, i) => Math.abs(value - best.x[i]!))));
    if (spread <= tolerance && size <= tolerance) break;
    const others = simplex.slice(0, -1);
    const centroid = start.map((_, i) => others.reduce((sum, v) => sum + v.x[i]!, 0) / others.length);
    const reflected = vertex(along(centroid, worst.x, -1));
    let next: Vertex | undefined;
    if (reflected.value < best.value) {
      const expanded = vertex(along(centroid, worst.x, -2));
      next = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < secondWorst.value) {
      next = reflected;
    } else if (reflected.value < worst.value) {
      const outside = vertex(along(centroid, worst.x, -0.5));
      if (outside.value <= reflected.value) next = outside;
    } else {
      const inside = vertex(along(centroid, worst.x, 0.5));
      if (inside.value < worst.value) next = inside;
    }
    if (next) simplex[simplex.length - 1] = next;
    else simplex = [best, ...simplex.slice(1).map((v) => vertex(along(best.x, v.x, 0.5)))];
  }
  simplex.sort((a, b) => a.value - b.value);
  return { x: simplex[0]!.x, value: simplex[0]!.value, iterations };
}
