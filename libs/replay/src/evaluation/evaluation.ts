import type { GainSustainability, RegionSpread, SpreadCounts, SpreadPoint, TimeToAdopt } from '@spiral/analytics';
import type { Penetration } from '@spiral/projections';
import type { NationalView, PracticeFigures, PracticeSpread } from '@spiral/national';
import type { RegionalView } from '@spiral/regional';

/** One practice as of the moment: every figure with the counts it comes from. */
export interface PracticeEvaluation {
  readonly practiceId: string;
  readonly title: string | null;
  readonly status: PracticeFigures['status'];
  readonly publishedAt: string | null;
  /** The spread curve: cumulative adopting teams, organisations and regions by month, and the totals. */
  readonly spread: SpreadCounts & { readonly byMonth: readonly SpreadPoint[] };
  /** The same curve within each region. */
  readonly byRegion: readonly RegionSpread[];
  /** Kaplan–Meier from publication: teams followed, adopted, not yet, and the curve. */
  readonly timeToAdopt: TimeToAdopt;
  /** Gains achieved by adopters, and the share sustained (with its eligible count) at 6 and 12 months. */
  readonly gains: GainSustainability;
  /** Relative improvement achieved by adopters on the practice's measures, with the spirals counted. */
  readonly impact: PracticeFigures['impact'];
}

/** One region (SHA) as of the moment. */
export interface RegionEvaluation {
  readonly shaCode: string;
  readonly penetration: Penetration;
  readonly funnel: RegionalView['funnel'];
  /** Gains achieved, sustained and lost in the region; rate = sustained / achieved. */
  readonly gains: RegionalView['sustainedRate'];
  /** Adopting teams and organisations of each practice in the region, and its curve by month. */
  readonly adoption: RegionalView['adoption'];
}

/** `spiral evaluate` / GET /evaluation: the health service as it stood at one moment. */
export interface Evaluation {
  readonly asOf: string;
  /** What the replay behind the figures read and applied (events with occurredAt by asOf). */
  readonly events: { readonly read: number; readonly applied: number };
  readonly teamsRegistered: number;
  readonly practices: readonly PracticeEvaluation[];
  readonly regions: readonly RegionEvaluation[];
  /** Geographical variation of penetration across regions. */
  readonly variation: NationalView['variation'];
}

export function practiceEvaluation(figures: PracticeFigures, spread: PracticeSpread | undefined): PracticeEvaluation {
  return {
    practiceId: figures.practiceId,
    title: figures.title,
    status: figures.status,
    publishedAt: figures.publishedAt,
    spread: figures.spread,
    byRegion: spread?.byRegion ?? [],
    timeToAdopt: figures.timeToAdopt,
    gains: figures.sustainability,
    impact: figures.impact,
  };
}

export function regionEvaluation(view: RegionalView): RegionEvaluation {
  return { shaCode: view.shaCode, penetration: view.penetration, funnel: view.funnel, gains: view.sustainedRate, adoption: view.adoption };
}
