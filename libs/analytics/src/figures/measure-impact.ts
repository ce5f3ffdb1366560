import { mean } from '../statistics/descriptive';
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
  const periods = Object.keys(input.points).sort();
  const value = (period: string) => input.points[period]!;
  const before = periods.filter((period) => period <= adoptionDate).slice(0, BASELINE_POINTS).map(value);
  const after = periods.filter((period) => period > adoptionDate).map(value);
  const measured = mean(before);
  const baseline = measured === null
    ? { value: input.declaredBaseline, points: 0, source: 'declared' as const }
    : { value: measured, points: before.length, source: 'measured' as const };
  const afterMean = mean(after);
  return {
    baseline,
    after: { mean: afterMean, points: after.length },
    relativeImprovement: afterMean === null ? null : relativeImprovement(baseline.value, afterMean, input.improvement),
  };
}
