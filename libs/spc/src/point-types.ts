import type { RuleRun } from './special-cause-rules';
import { SIGNAL_RULES, type Direction, type Improvement, type PointType, type SignalKind, type SignalRule } from './spc-types';

/** The rule and direction that type one point, or null for common cause. */
export interface PointFlag {
  rule: SignalRule;
  direction: Direction;
}

/**
 * Per point, the flag of the highest-precedence rule that covers it (astronomical, trend,
 * two-in-three, shift: SPEC, and NHSRplotthedots' ptd_special_cause_type `case_when` order). Every
 * point of a run takes the run's direction. A trend's peak belongs to two runs: the later one wins,
 * as NHSRplotthedots does ("if a point is part of a trend either side, use right side") and as
 * PowerBI-SPC's backfill leaves it. MDC's single-chart tool instead shows improvement whenever
 * improvement and concern collide (NHSRplotthedots issue #194); Spiral follows the precedence.
 */
export function pointFlags(runs: readonly RuleRun[], count: number): (PointFlag | null)[] {
  const flags: (PointFlag | null)[] = Array.from({ length: count }, () => null);
  const rank = (rule: SignalRule): number => SIGNAL_RULES.indexOf(rule);
  const ordered = [...runs].sort((a, b) => rank(b.rule) - rank(a.rule) || a.start - b.start);
  // Lowest precedence first and, within a rule, earlier runs first: each later write wins.
  for (const run of ordered) {
    for (const index of run.indices) {
      if (index < count) flags[index] = { rule: run.rule, direction: run.direction };
    }
  }
  return flags;
}

/** MDC: special cause in the better direction is improvement, in the worse one concern. */
export function signalKind(direction: Direction, improvement: Improvement): SignalKind {
  switch (improvement) {
    case 'neutral':
      return 'neutral';
    case 'increase':
      return direction === 'up' ? 'improvement' : 'concern';
    case 'decrease':
      return direction === 'down' ? 'improvement' : 'concern';
    default: {
      const unknown: never = improvement;
      return unknown;
    }
  }
}

/** A point's type; without a direction MDC colours special cause purple, high or low. */
export function pointType(flag: Pick<PointFlag, 'direction'> | null, improvement: Improvement): PointType {
  if (flag === null) return 'common';
  const kind = signalKind(flag.direction, improvement);
  if (kind === 'neutral') return flag.direction === 'up' ? 'neutralHigh' : 'neutralLow';
  return kind;
}
