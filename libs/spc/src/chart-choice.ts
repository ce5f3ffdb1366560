/**
 * Which chart a series gets (SPEC: "Where a series is too short or too skewed for limits, the
 * spiral's chart is a run chart judged by the Anhøj rules"), judged on the baseline the limits
 * would come from, and said in words on the chart.
 */

/**
 * Too short: fewer baseline points than this. Wheeler, "Understanding Variation" (p. 60): "useful
 * limits may be constructed with as few as five or six values", as NHSRplotthedots' article "How
 * many points are required for robust control limits?" quotes it; from six to eleven points the
 * XmR chart shows trial limits (TRIAL_BELOW_POINTS), below six a run chart, which needs no limits.
 */
export const MIN_BASELINE_FOR_LIMITS = 6;

/**
 * Too skewed: the baseline's sample skewness G1 (adjusted Fisher–Pearson; Joanes & Gill 1998) is
 * beyond ±1, "highly skewed" (Bulmer, "Principles of Statistics", 1979), and beyond twice its
 * standard error, so that a short baseline's chance asymmetry does not count (Cramer 1997;
 * Tabachnick & Fidell). XmR limits are mean ± 2.66 mR̄, symmetric: on a highly skewed measure one
 * side's limit is out of reach and the other's too tight. qicharts2 turns to the median for skewed
 * data for the same reason (its G chart's centre line, vignette Appendix 1 note 5).
 */
export const HIGH_SKEWNESS = 1;

export type ChartChoice =
  | { readonly kind: 'xmr'; readonly why: string }
  | { readonly kind: 'run'; readonly reason: 'tooShort' | 'tooSkewed'; readonly why: string };

/** G1 and its standard error; null when undefined (fewer than three points, or no spread). */
export function sampleSkewness(values: readonly number[]): { skewness: number; standardError: number } | null {
  const n = values.length;
  if (n < 3) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const moment = (power: number) => values.reduce((sum, value) => sum + (value - mean) ** power, 0) / n;
  const m2 = moment(2);
  if (m2 === 0) return null;
  const g1 = moment(3) / m2 ** 1.5;
  const skewness = (Math.sqrt(n * (n - 1)) / (n - 2)) * g1;
  const standardError = Math.sqrt((6 * n * (n - 1)) / ((n - 2) * (n + 1) * (n + 3)));
  return { skewness, standardError };
}

const round2 = (value: number): string => value.toFixed(2);

export function chartChoice(baseline: readonly number[]): ChartChoice {
  if (baseline.length < MIN_BASELINE_FOR_LIMITS) {
    return {
      kind: 'run',
      reason: 'tooShort',
      why: `a run chart: the baseline has ${baseline.length} point${baseline.length === 1 ? '' : 's'}, fewer than the ${MIN_BASELINE_FOR_LIMITS} that give useful limits`,
    };
  }
  const skew = sampleSkewness(baseline);
  if (skew !== null && Math.abs(skew.skewness) > HIGH_SKEWNESS && Math.abs(skew.skewness) > 2 * skew.standardError) {
    return {
      kind: 'run',
      reason: 'tooSkewed',
      why: `a run chart: the baseline is highly skewed (skewness ${round2(skew.skewness)}, beyond ±${HIGH_SKEWNESS} and twice its standard error ${round2(skew.standardError)}), so symmetric limits would mislead`,
    };
  }
  return { kind: 'xmr', why: `an XmR chart: the baseline has ${baseline.length} points, not highly skewed` };
}
