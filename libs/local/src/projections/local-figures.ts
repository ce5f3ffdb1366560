import { SPIRAL_STEPS, type SpiralStep } from '@spiral/event-catalogue';
import { noGains, type GainCounts, type SpiralProgress } from './spiral-progress';

export type StepCounts = Readonly<Record<SpiralStep, number>>;

/** How many items fall under each key; every key is listed, zeros too, so a reader sees the whole scale. */
export function countBy<K extends string, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K): Readonly<Record<K, number>> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const item of items) counts[keyOf(item)] += 1;
  return counts;
}

/** How many spirals stand at each step (the local funnel). */
export function spiralsByStep(spirals: readonly Pick<SpiralProgress, 'step'>[]): StepCounts {
  return countBy(SPIRAL_STEPS, spirals, ({ step }) => step);
}

/** A share with the counts it is made of; null when there is nothing to divide by. */
export interface Share {
  readonly count: number;
  readonly of: number;
  readonly share: number | null;
}

export const shareOf = (count: number, of: number): Share => ({ count, of, share: of === 0 ? null : count / of });

export interface GainFigures {
  /** Gain events recorded, by kind (a spiral may achieve again after a loss). */
  readonly events: GainCounts;
  /** Spirals that achieved a gain at least once. */
  readonly spiralsAchieved: number;
  /** Spirals whose latest gain event is an achieved or sustained gain: holding it now. */
  readonly spiralsHolding: number;
  /** Of the spirals that achieved a gain, how many sustained one (SPEC: the share of achieved gains that are sustained). */
  readonly sustained: Share;
}

export const noGainFigures: GainFigures = { events: noGains, spiralsAchieved: 0, spiralsHolding: 0, sustained: shareOf(0, 0) };

/**
 * The figures with one spiral's gains counted in (`sign` 1) or taken out (-1): each figure is a sum
 * over spirals, so a view that keeps its spirals apart updates its figures by a spiral's difference.
 */
export function withSpiralGains(figures: GainFigures, { gains, gainStatus }: Pick<SpiralProgress, 'gains' | 'gainStatus'>, sign: 1 | -1): GainFigures {
  const spiralsAchieved = figures.spiralsAchieved + sign * (gains.achieved > 0 ? 1 : 0);
  return {
    events: {
      achieved: figures.events.achieved + sign * gains.achieved,
      sustained: figures.events.sustained + sign * gains.sustained,
      lost: figures.events.lost + sign * gains.lost,
    },
    spiralsAchieved,
    spiralsHolding: figures.spiralsHolding + sign * (gainStatus === 'achieved' || gainStatus === 'sustained' ? 1 : 0),
    sustained: shareOf(figures.sustained.count + sign * (gains.sustained > 0 ? 1 : 0), spiralsAchieved),
  };
}

export function gainFigures(spirals: readonly Pick<SpiralProgress, 'gains' | 'gainStatus'>[]): GainFigures {
  return spirals.reduce((figures, spiral) => withSpiralGains(figures, spiral, 1), noGainFigures);
}

/** The step counts with one spiral counted in (`sign` 1) or taken out (-1). */
export function withSpiralStep(counts: StepCounts, { step }: Pick<SpiralProgress, 'step'>, sign: 1 | -1): StepCounts {
  return { ...counts, [step]: counts[step] + sign };
}
