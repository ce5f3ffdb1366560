import type { MonthIndex } from './calendar';
import type { Random } from './prng';
import type { MeasureTemplate } from './reference/measure-library';

/**
 * What happens to a measure after the team adopts its option: most improve toward the target and
 * hold, some do not change at all, a few improve and then drift back to a little worse than where
 * they started (past the baseline centre line, where SPC calls a gain lost). Whether the chart calls any of
 * it a gain is for SPC to decide later (SPEC "Statistical process control"); the seeder claims none.
 */
export const CHANGE_PATTERNS = ['improve', 'noChange', 'driftBack'] as const;
export type ChangePattern = (typeof CHANGE_PATTERNS)[number];

/** A step change of the underlying level, reached linearly over `rampMonths`. */
export interface LevelShift {
  readonly fromMonth: MonthIndex;
  readonly rampMonths: number;
  readonly delta: number;
}

/**
 * A measure's monthly values as a function of the month: a level, shifts, and noise drawn per month
 * from the series' own stream. A child spiral continues its parent's series (same noise), so the two
 * charts agree on every month they share.
 */
export interface MeasureSeries {
  readonly template: MeasureTemplate;
  readonly level: number;
  readonly sd: number;
  readonly shifts: readonly LevelShift[];
  readonly noise: Random;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function clamp(value: number, [min, max]: readonly [number, number]): number {
  return Math.min(max, Math.max(min, value));
}

export function levelAt(series: MeasureSeries, month: MonthIndex): number {
  return series.shifts.reduce((level, shift) => {
    if (month < shift.fromMonth) return level;
    return level + shift.delta * Math.min(1, (month - shift.fromMonth + 1) / shift.rampMonths);
  }, series.level);
}

/** The recorded value for a month: plausible for the measure (a percentage stays within 0..100). */
export function valueAt(series: MeasureSeries, month: MonthIndex): number {
  const noisy = series.noise.fork(month).normal(levelAt(series, month), series.sd);
  return roundTo(clamp(noisy, series.template.bounds), series.template.decimals);
}

/**
 * A team's level before any change. The month-to-month noise is a tenth to a fifth of the gap it
 * wants to close (so a change that closes most of the gap stands out on an SPC chart), but never so
 * wide that a level near a bound (a low percentage) keeps hitting it.
 */
export function steadySeries(random: Random, template: MeasureTemplate, level: number, target: number): MeasureSeries {
  const [min, max] = template.bounds;
  const room = Math.min(level - min, max - level);
  const sd = Math.max(Math.min(Math.abs(target - level) * random.between(0.1, 0.2), room * 0.3), 10 ** -template.decimals);
  return { template, level, sd, shifts: [], noise: random.fork('noise') };
}

/**
 * A further target from a level already reached (a new turn of the spiral): part of the way to a
 * stretch a quarter beyond the usual targets, or past the level toward the bound when it is there already.
 */
export function furtherTarget(random: Random, template: MeasureTemplate, level: number): number {
  const increase = template.measure.improvement === 'increase';
  const bound = increase ? template.bounds[1] : template.bounds[0];
  const usualBest = increase ? template.target[1] : template.target[0];
  const stretch = usualBest + (bound - usualBest) * 0.25;
  const pastStretch = increase ? level >= stretch : level <= stretch;
  const best = pastStretch ? level + (bound - level) * 0.5 : stretch;
  return roundTo(level + (best - level) * random.between(0.3, 0.5), template.decimals);
}

/**
 * The series after an adoption in `adoptionMonth`: shifts start in the first month that begins after
 * the adoption, as SPEC counts a point "after adoption" by its period. Answers when a drift back starts.
 */
export function afterAdoption(
  random: Random,
  series: MeasureSeries,
  target: number,
  adoptionMonth: MonthIndex,
  pattern: ChangePattern,
): { series: MeasureSeries; driftFrom?: MonthIndex } {
  const gap = target - levelAt(series, adoptionMonth);
  const fromMonth = adoptionMonth + 1;
  const withShifts = (...shifts: LevelShift[]) => ({ ...series, shifts: [...series.shifts, ...shifts] });
  switch (pattern) {
    case 'improve':
      return { series: withShifts({ fromMonth, rampMonths: random.int(1, 4), delta: gap * random.between(0.6, 1.05) }) };
    case 'noChange':
      return { series: withShifts({ fromMonth, rampMonths: 2, delta: gap * random.between(-0.08, 0.12) }) };
    case 'driftBack': {
      const gain = gap * random.between(0.6, 0.95);
      const driftFrom = fromMonth + random.int(7, 12);
      return {
        series: withShifts({ fromMonth, rampMonths: random.int(1, 3), delta: gain }, { fromMonth: driftFrom, rampMonths: random.int(3, 6), delta: -gain * random.between(1.05, 1.3) }),
        driftFrom,
      };
    }
    default: {
      const unexpected: never = pattern;
      return unexpected;
    }
  }
}
