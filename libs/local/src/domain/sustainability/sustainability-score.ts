import { SUSTAINABILITY_FACTORS, type SustainabilityFactor, type SustainabilityLevel } from '@spiral/event-catalogue';
import { SUSTAINABILITY_WEIGHTS_V1, type SustainabilityWeights } from './sustainability-weights.v1';

export type SustainabilityRatings = Partial<Record<SustainabilityFactor, SustainabilityLevel>>;

export interface SustainabilityScore {
  /** The sum of the chosen levels' weights, to one decimal as the model prints it. */
  readonly score: number;
  readonly factorsRated: number;
  /** All ten factors rated: only then is the score on the model's 0–100.1 scale. */
  readonly complete: boolean;
  readonly weightsVersion: string;
  readonly weightsVerified: boolean;
}

/** Weights carry one decimal; rounding the sum keeps 0.1 + 0.2 from showing as 0.30000000000000004. */
const toTenths = (value: number): number => Math.round(value * 10) / 10;

/** The score of one assessment: the sum of the weights of the levels chosen (NHS Sustainability Model). */
export function sustainabilityScore(
  ratings: SustainabilityRatings,
  table: SustainabilityWeights = SUSTAINABILITY_WEIGHTS_V1,
): SustainabilityScore {
  const rated = SUSTAINABILITY_FACTORS.flatMap((factor) => {
    const level = ratings[factor];
    return level === undefined ? [] : [table.weights[factor][level]];
  });
  return {
    score: toTenths(rated.reduce((sum, weight) => sum + weight, 0)),
    factorsRated: rated.length,
    complete: rated.length === SUSTAINABILITY_FACTORS.length,
    weightsVersion: table.version,
    weightsVerified: table.verified,
  };
}

/** The mean and spread of a set of scores, with how many they are made of. */
export interface ScoreSpread {
  readonly count: number;
  readonly mean: number | null;
  /**
   * Population variance (divided by n): the spread among the members who assessed, not an estimate
   * for a wider population; 0 for one member. A falling spread means the team's views converge, the
   * "diversity of opinion" CLAHRC NWL tracked with the model (Doyle et al., Implementation Science
   * 2013, 8:127).
   */
  readonly variance: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

export function scoreSpread(scores: readonly number[]): ScoreSpread {
  if (scores.length === 0) return { count: 0, mean: null, variance: null, min: null, max: null };
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const variance = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / scores.length;
  return { count: scores.length, mean, variance, min: Math.min(...scores), max: Math.max(...scores) };
}

export interface DatedScore {
  /** The assessment's date (YYYY-MM-DD of its occurredAt). */
  readonly date: string;
  readonly score: SustainabilityScore;
}

export interface SpreadOnDate extends ScoreSpread {
  readonly date: string;
  /** Every assessment of the date; the mean and spread count only the complete ones in `count`. */
  readonly assessments: number;
}

/**
 * The team's mean and spread per assessment date, oldest first. Only complete assessments enter the
 * figures: a partial sum is not on the model's scale, so averaging it in would pull the mean down.
 */
export function spreadOverTime(scores: readonly DatedScore[]): SpreadOnDate[] {
  const byDate = new Map<string, DatedScore[]>();
  for (const entry of scores) byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry]);
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, entries]) => ({
      date,
      assessments: entries.length,
      ...scoreSpread(entries.filter(({ score }) => score.complete).map(({ score }) => score.score)),
    }));
}
