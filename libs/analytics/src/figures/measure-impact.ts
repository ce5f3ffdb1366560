import { relativeImprovement, type Direction } from '../statistics/relative-improvement';
import { dateOf } from '../time/calendar';

/** SPEC "Statistical process control": the baseline is the first 20 points before the adoption. */
export const BASELINE_POINTS = 20;

export interface MeasureImpactInput {
  /** The spiral's points by period ('YYYY-MM-DD'). */
  readonly points: Readonly<Record<string, number>>;
  readonly adoptedAt: string;
  readonly declaredBaseline: number;
  readonly improvement: Direction;
}

export interface MeasureImpact {
  readonly baseline: { readonly value: number; readonly points: number; readonly source: 'measured' | 'declared' };
  readonly after: { readonly mean: number | null; readonly points: number };
  /** Positive is better; null without points after adoption or from a zero baseline. */
  readonly relativeImprovement: number | null;
}

/**
 * What adopting changed on a spiral's own measure: the mean after adoption against the baseline.
 * The baseline is SPC's (the mean of the first 20 points on or before the adoption date; a point
 * is after adoption when its period is later than the adoption's date, as SPEC and the SPC library
 * read it), or the baseline the team declared when no point precedes the adoption.
 */
export function measureImpact(input: MeasureImpactInput): MeasureImpact {
  const adoptionDate = dateOf(input.adoptedAt);
  const { before, after } = sumsAround(input.points, adoptionDate);
  const measured = meanOf(before);
  const baseline = measured === null
    ? { value: input.declaredBaseline, points: 0, source: 'declared' as const }
    : { value: measured, points: before.count, source: 'measured' as const };
  const afterMean = meanOf(after);
  return {
    baseline,
    after: { mean: afterMean, points: after.count },
    relativeImprovement: afterMean === null ? null : relativeImprovement(baseline.value, afterMean, input.improvement),
  };
}

type Sum = { total: number; count: number };

/** The mean of a sum taken in period order, as `mean` of the values in that order; null for none. */
function meanOf(sum: Sum): number | null {
  return sum.count === 0 ? null : sum.total / sum.count;
}

/**
 * The baseline's points (the first BASELINE_POINTS on or before the adoption date) and the points
 * after it, summed in period order in one pass. The views take an impact on each of a spiral's
 * points, so lists filtered and mapped per call made each point cost several copies of all the
 * spiral's points; the periods mostly arrive in order, and a sort of sorted keys is one pass.
 */
function sumsAround(points: Readonly<Record<string, number>>, adoptionDate: string): { before: Sum; after: Sum } {
  const periods = Object.keys(points).sort();
  const before = { total: 0, count: 0 };
  const after = { total: 0, count: 0 };
  for (const period of periods) {
    const sum = period > adoptionDate ? after : before;
    if (sum === before && before.count === BASELINE_POINTS) continue;
    sum.total += points[period]!;
    sum.count += 1;
  }
  return { before, after };
}
