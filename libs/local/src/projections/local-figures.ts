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

export function gainFigures(spirals: readonly Pick<SpiralProgress, 'gains' | 'gainStatus'>[]): GainFigures {
  const events = spirals.reduce<GainCounts>(
    (sum, { gains }) => ({ achieved: sum.achieved + gains.achieved, sustained: sum.sustained + gains.sustained, lost: sum.lost + gains.lost }),
    noGains,
  );
  const achieved = spirals.filter(({ gains }) => gains.achieved > 0).length;
  return {
    events,
    spiralsAchieved: achieved,
    spiralsHolding: spirals.filter(({ gainStatus }) => gainStatus === 'achieved' || gainStatus === 'sustained').length,
    sustained: shareOf(spirals.filter(({ gains }) => gains.sustained > 0).length, achieved),
  };
}
