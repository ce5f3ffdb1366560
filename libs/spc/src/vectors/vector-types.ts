import type { Assurance, GainFact, Improvement, MeasurePoint, PointType, Signal, XmrChartInput } from '../spc-types';

/**
 * Test vectors: inputs and expected outputs taken as facts from published tests (not their code),
 * or made by hand. Each names where it comes from; `note` says where Spiral follows SPEC instead of
 * the published behaviour and how the expectation was adjusted.
 */
export interface VectorSource {
  repo: string;
  file: string;
  test: string;
  note?: string;
}

interface Vector {
  source: VectorSource;
}

/** Limits from values, compared to `digits` decimals. */
export interface LimitsVector extends Vector {
  kind: 'limits';
  values: number[];
  screenMovingRangeOutliers?: boolean;
  digits: number;
  expected: { mean: number; lowerLimit: number; upperLimit: number; nearLowerLimit?: number; nearUpperLimit?: number };
}

/**
 * Trend over values. `markers`: ±1 at each index where the last `length` points complete a trend
 * (NHSRplotthedots' ptd_seven_point_trend, nhspy's seven_point_trend). `flags`: ±1 for every point
 * of a trend, a later run winning a shared point (PowerBI-SPC's trend).
 */
export interface TrendVector extends Vector {
  kind: 'trend';
  values: number[];
  length?: number;
  expected: { markers?: number[]; flags?: number[] };
}

/**
 * Shift over sides of the centre line (−1, 0, +1), or over values and a centre line per point.
 * `markers`: 1 where the last `length` points lie on one side (unsigned, as published); `flags`: ±1.
 */
export interface ShiftVector extends Vector {
  kind: 'shift';
  sides?: number[];
  values?: number[];
  centre?: number[];
  length?: number;
  expected: { markers?: number[]; flags?: number[] };
}

/**
 * Two in three over (side, near-band) facts per point, or over values and the 2-sigma lines (the
 * centre line midway, the process limits at 3 sigma). `windows`: 1 for every point of a qualifying
 * window (ptd_two_in_three); `flagged`: 1 for each flagged point; `flags`: ±1 for each flagged point.
 */
export interface TwoInThreeVector extends Vector {
  kind: 'twoInThree';
  sides?: number[];
  nearBand?: number[];
  values?: number[];
  twoSigma?: { lower: number; upper: number };
  expected: { windows?: number[]; flagged?: number[]; flags?: number[] };
}

/** Astronomical points against process limits (the centre line midway); ±1 per point. */
export interface AstronomicalVector extends Vector {
  kind: 'astronomical';
  values: number[];
  lowerLimit: number;
  upperLimit: number;
  expected: { flags: number[] };
}

export interface AssuranceVector extends Vector {
  kind: 'assurance';
  lowerLimit: number;
  upperLimit: number;
  target?: number;
  improvement: Improvement;
  expected: Assurance | undefined;
}

/** A whole chart; only the expected fields given are checked (numbers to `digits` decimals). */
export interface ChartVector extends Vector {
  kind: 'chart';
  input: XmrChartInput;
  digits?: number;
  expected: {
    mean?: number;
    lowerLimit?: number;
    upperLimit?: number;
    trial?: boolean;
    /** Types of the points from `typesFrom` (default 0) on. */
    types?: PointType[];
    typesFrom?: number;
    groups?: number[];
    groupTrials?: boolean[];
    signals?: Signal[];
    assurance?: Assurance | null;
    suggestedRebaseFrom?: string | null;
  };
}

export interface GainsVector extends Vector {
  kind: 'gains';
  input: XmrChartInput;
  expected: GainFact[];
}

export type SpcVector = LimitsVector | TrendVector | ShiftVector | TwoInThreeVector | AstronomicalVector | AssuranceVector | ChartVector | GainsVector;

/** The first day of the n-th month after `from` (YYYY-MM). */
export function month(index: number, from = '2021-01'): string {
  const [year, first] = from.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, first - 1 + index, 1));
  return date.toISOString().slice(0, 10);
}

/** One point a month from `from`. */
export function monthly(values: readonly number[], from = '2021-01'): MeasurePoint[] {
  return values.map((value, index) => ({ period: month(index, from), value }));
}

/** One point a day, the first on `first` (YYYY-MM-DD). */
export function daily(values: readonly number[], first: string): MeasurePoint[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return values.map((value, index) => ({ period: new Date(start + index * 86_400_000).toISOString().slice(0, 10), value }));
}

/** `count` copies of `value`, for long expected arrays. */
export const rep = <T>(value: T, count: number): T[] => Array.from({ length: count }, () => value);
