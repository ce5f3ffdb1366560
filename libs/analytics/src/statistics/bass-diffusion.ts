import { nelderMead } from './nelder-mead';

/** Cumulative adoptions observed at `month` months after publication. */
export interface CumulativePoint {
  readonly month: number;
  readonly cumulative: number;
}

export interface BassFit {
  readonly fitted: true;
  /** Coefficient of innovation: adoption from outside influence (the catalogue, the region). */
  readonly p: number;
  /** Coefficient of imitation: adoption from adopters already there (peers, networks). */
  readonly q: number;
  /** Market potential: how many will adopt in the end. */
  readonly m: number;
  readonly rss: number;
  readonly rSquared: number | null;
  /** When adoptions per month peak, ln(q/p) / (p + q); 0 when q ≤ p (no S, adoption falls from the start). */
  readonly peakMonth: number;
  readonly points: readonly { readonly month: number; readonly observed: number; readonly fitted: number }[];
}

/** F(t) of the Bass model: the share of the market potential adopted by time t. */
export function bassShare(p: number, q: number, t: number): number {
  return shareAtDecay(p, q, Math.exp(-(p + q) * t));
}

/** F from e^−(p+q)t, so a fit over consecutive months can carry that factor along. */
function shareAtDecay(p: number, q: number, decay: number): number {
  return (1 - decay) / (1 + (q / p) * decay);
}

// Where p and q may lie: beyond them the fit is not a diffusion any reader would recognise.
const P_RANGE = [1e-5, 1] as const;
const Q_RANGE = [1e-5, 5] as const;
const STARTS_P = [0.001, 0.005, 0.02, 0.05, 0.1];
const STARTS_Q = [0.01, 0.1, 0.3, 0.6, 1];

/**
 * Least-squares fit of Bass's model N(t) = m·F(t) (Bass FM, "A new product growth for model
 * consumer durables", Management Science 15(5), 1969) to cumulative adoptions, the nonlinear least
 * squares of Srinivasan V, Mason CH (Marketing Science 5(2), 1986). For given p and q the best m
 * is linear, m = Σ F·N / Σ F², held at or below `maxMarket` (no more can adopt than could), so
 * Nelder–Mead searches only (ln p, ln q), from the best of a small grid of starts.
 */
export function fitBassCurve(points: readonly CumulativePoint[], maxMarket = Infinity): BassFit {
  const months = points.map((point) => point.month);
  const observed = points.map((point) => point.cumulative);
  const nn = observed.reduce((sum, n) => sum + n * n, 0);
  // Months 1, 2, 3, … (as bassDiffusion gives them) let e^−(p+q)t be a running product: one exp
  // per evaluation instead of one per month, which is most of a fit's cost over a long follow-up.
  const consecutive = months.every((month, i) => month === i + 1);
  // One pass per evaluation: Σ F², Σ F·N, then RSS = Σ N² − 2m·Σ F·N + m²·Σ F² with the best m.
  const sums = (p: number, q: number) => {
    const step = Math.exp(-(p + q));
    let decay = 1;
    let ff = 0;
    let fn = 0;
    for (let i = 0; i < months.length; i += 1) {
      decay = consecutive ? decay * step : Math.exp(-(p + q) * months[i]!);
      const f = shareAtDecay(p, q, decay);
      ff += f * f;
      fn += f * observed[i]!;
    }
    const m = ff === 0 ? 0 : Math.min(maxMarket, fn / ff);
    return { m, rss: Math.max(0, nn - 2 * m * fn + m * m * ff) };
  };
  const rss = ([logP = 0, logQ = 0]: readonly number[]) => {
    const [p, q] = [Math.exp(logP), Math.exp(logQ)];
    if (p < P_RANGE[0] || p > P_RANGE[1] || q < Q_RANGE[0] || q > Q_RANGE[1]) return Infinity;
    return sums(p, q).rss;
  };
  const starts = STARTS_P.flatMap((p) => STARTS_Q.map((q) => [Math.log(p), Math.log(q)]));
  const ranked = starts.map((start) => ({ start, value: rss(start) })).sort((a, b) => a.value - b.value);
  // The grid finds the basin; the two best starts guard against a second one nearby.
  const best = ranked
    .slice(0, 2)
    .map(({ start }) => nelderMead(rss, start, { tolerance: 1e-9 }))
    .sort((a, b) => a.value - b.value)[0]!;
  const [p, q] = [Math.exp(best.x[0]!), Math.exp(best.x[1]!)];
  const { m, rss: residual } = sums(p, q);
  const observedMean = observed.reduce((sum, n) => sum + n, 0) / observed.length;
  const total = observed.reduce((sum, n) => sum + (n - observedMean) ** 2, 0);
  return {
    fitted: true,
    p,
    q,
    m,
    rss: residual,
    rSquared: total === 0 ? null : 1 - residual / total,
    peakMonth: q > p ? Math.log(q / p) / (p + q) : 0,
    points: points.map(({ month, cumulative }) => ({ month, observed: cumulative, fitted: m * bassShare(p, q, month) })),
  };
}

export interface BassNotFitted {
  readonly fitted: false;
  readonly reason: string;
  readonly adopters: number;
  readonly monthsWithAdoptions: number;
}

/**
 * Three parameters need data enough to pin them: with fewer adopters, or adoptions in fewer
 * months, p, q and m trade off against each other and any "fit" is noise.
 */
export const MIN_ADOPTERS_FOR_BASS = 8;
export const MIN_MONTHS_WITH_ADOPTIONS_FOR_BASS = 4;

/**
 * Fits Bass to adoption times (months after publication, one per adopter) observed up to
 * `horizonMonths`: cumulative adoptions at the end of months 1, 2, … of the horizon.
 */
export type BassDiffusion = (BassFit & { readonly adopters: number; readonly monthsWithAdoptions: number }) | BassNotFitted;

/**
 * The longest follow-up a fit reads: a century of months. The fit costs one pass over the months per
 * trial of p and q, and an as-of moment is any date a client types: `asOf=9999-12-31` made 96,000
 * months per practice and an evaluation of the small seed took 12 s of a job thread instead of 0.2 s.
 * No practice has been followed that long, and past the last adoption every month reads the same.
 */
export const MAX_FOLLOW_UP_MONTHS = 1200;

export function bassDiffusion(adoptionMonths: readonly number[], horizonMonths: number, maxMarket = Infinity): BassDiffusion {
  const monthIndex = (t: number) => Math.min(MAX_FOLLOW_UP_MONTHS, Math.max(1, Math.ceil(t)));
  const adopters = adoptionMonths.length;
  const monthsWithAdoptions = new Set(adoptionMonths.map(monthIndex)).size;
  if (adopters < MIN_ADOPTERS_FOR_BASS || monthsWithAdoptions < MIN_MONTHS_WITH_ADOPTIONS_FOR_BASS) {
    const reason = `needs at least ${MIN_ADOPTERS_FOR_BASS} adopting teams and adoptions in at least ${MIN_MONTHS_WITH_ADOPTIONS_FOR_BASS} months; has ${adopters} in ${monthsWithAdoptions}`;
    return { fitted: false, reason, adopters, monthsWithAdoptions };
  }
  const last = Math.max(monthIndex(horizonMonths), ...adoptionMonths.map(monthIndex));
  const sorted = adoptionMonths.map(monthIndex).sort((a, b) => a - b);
  let adopted = 0;
  const points = Array.from({ length: last }, (_, i) => {
    while (adopted < sorted.length && sorted[adopted]! <= i + 1) adopted += 1;
    return { month: i + 1, cumulative: adopted };
  });
  return { ...fitBassCurve(points, maxMarket), adopters, monthsWithAdoptions };
}
