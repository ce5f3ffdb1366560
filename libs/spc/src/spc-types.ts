/**
 * The public shapes of the SPC library: an XmR (individuals) chart as NHS England's 'Making Data
 * Count' (MDC) draws it, and the gain facts read from it (SPEC "Statistical process control").
 * Plain data only, so a view can store a chart as JSON and a process manager can compare facts.
 */

/** Which way is better for the measure; 'neutral' when neither is (MDC's "no direction"). */
export type Improvement = 'increase' | 'decrease' | 'neutral';

/** The four MDC special-cause rules, in their precedence order (first wins when several fire). */
export const SIGNAL_RULES = ['astronomical', 'trend', 'twoInThree', 'shift'] as const;
export type SignalRule = (typeof SIGNAL_RULES)[number];

/**
 * Which way a signal points: for a trend, increasing ('up') or decreasing ('down'); for the other
 * rules, above ('up') or below ('down') the centre line.
 */
export type Direction = 'up' | 'down';

/** A point's variation type, MDC's colours: blue, orange, purple high/low, grey. */
export type PointType = 'improvement' | 'concern' | 'neutralHigh' | 'neutralLow' | 'common';

export type SignalKind = 'improvement' | 'concern' | 'neutral';

/** MDC assurance against a target: consistently passes, consistently fails, or hit and miss. */
export type Assurance = 'pass' | 'fail' | 'hitAndMiss';

/** One measurement; `period` is a calendar date (YYYY-MM-DD) naming the period it stands for. */
export interface MeasurePoint {
  period: string;
  value: number;
}

export interface XmrChartInput {
  points: readonly MeasurePoint[];
  improvement: Improvement;
  target?: number;
  /** ISO date or date-time of the adoption; points whose period is later are after adoption. */
  adoptedAt?: string;
  /** Confirmed rebases: each period starts a new group with its own limits. */
  rebases?: readonly string[];
  /** Drop moving ranges ≥ 3.267 × their mean before the limits (Nelson 1982); off, as in MDC. */
  screenMovingRangeOutliers?: boolean;
}

/** The centre line and limits of one group, from its baseline; null where they cannot be had. */
export interface XmrLimits {
  mean: number;
  averageMovingRange: number;
  lowerLimit: number;
  upperLimit: number;
  nearLowerLimit: number;
  nearUpperLimit: number;
}

export interface XmrGroup {
  /** Period of the group's first point. */
  fromPeriod: string;
  mean: number | null;
  averageMovingRange: number | null;
  lowerLimit: number | null;
  upperLimit: number | null;
  nearLowerLimit: number | null;
  nearUpperLimit: number | null;
  /** Fewer than 12 baseline points: trial limits (NHSRplotthedots' short-group warning). */
  trial: boolean;
  baselinePeriods: string[];
}

export interface XmrChartPoint {
  period: string;
  value: number;
  /** |x(i) − x(i−1)| within the group; null for the first point of each group. */
  movingRange: number | null;
  type: PointType;
  /** The rule that typed the point (highest precedence among those that flagged it). */
  rule: SignalRule | null;
  /** Index into `groups`. */
  group: number;
}

/** One run or cluster of special cause, with every period it covers. */
export interface Signal {
  rule: SignalRule;
  kind: SignalKind;
  direction: Direction;
  periods: string[];
}

export interface RebaseSuggestion {
  fromPeriod: string;
  rule: 'shift';
  periods: string[];
}

export interface XmrChart {
  points: XmrChartPoint[];
  groups: XmrGroup[];
  /** The last group's centre line and limits: the process as it runs now. */
  mean: number | null;
  lowerLimit: number | null;
  upperLimit: number | null;
  nearLowerLimit: number | null;
  nearUpperLimit: number | null;
  trial: boolean;
  signals: Signal[];
  assurance?: Assurance;
  suggestedRebase?: RebaseSuggestion;
}

/** The two Anhøj rules of a run chart (qicharts2 `runs.analysis`): an unusually long run, unusually few crossings. */
export const RUN_RULES = ['longestRun', 'fewCrossings'] as const;
export type RunRule = (typeof RUN_RULES)[number];

/** A run chart's signal: a long run (its points), or too few crossings (the useful points, on the side most lie). */
export interface RunSignal {
  rule: RunRule;
  kind: SignalKind;
  direction: Direction;
  periods: string[];
}

export interface RunChartPoint {
  period: string;
  value: number;
  movingRange: number | null;
  type: PointType;
  rule: RunRule | null;
  group: 0;
}

/**
 * A run chart (qicharts2's default chart): the points around the median of the baseline, judged
 * by the Anhøj rules; no limits. Drawn where the baseline is too short or too skewed for limits.
 */
export interface RunChart {
  kind: 'run';
  reason: 'tooShort' | 'tooSkewed';
  /** Which chart this is and why, in words a team can read. */
  why: string;
  points: RunChartPoint[];
  /** The centre line: the baseline's median; null without points. */
  median: number | null;
  baselinePeriods: string[];
  /** The Anhøj figures over the points from the baseline's first on; null without a useful point. */
  runs: { useful: number; longestRun: number; longestRunMax: number; crossings: number; crossingsMin: number } | null;
  signals: RunSignal[];
  mean: null;
  lowerLimit: null;
  upperLimit: null;
  trial: false;
}

/** The chart a spiral's measure gets: XmR where limits can be had, else a run chart; each says why. */
export type SpcChart = (XmrChart & { kind: 'xmr'; why: string }) | RunChart;

/** The rule a gain fact cites: a special-cause rule, an Anhøj rule on a run chart, or twelve points sustained. */
export type GainRule = SignalRule | RunRule | 'sustained12';

export interface GainFact {
  fact: 'achieved' | 'sustained' | 'lost';
  /** 1 for the first gain after adoption, 2 for one achieved again after a loss, … */
  gain: number;
  rule: GainRule;
  periods: string[];
}
