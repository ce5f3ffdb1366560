import type { Penetration } from '@spiral/projections';
import type { NetworkKind, SpiralStep, SupportKind } from '@spiral/event-catalogue';
import type { PrioritySummary, StrategySummary } from './region-document';

export type Funnel = Readonly<Record<SpiralStep, number>> & { readonly total: number };

export interface SustainedRate {
  readonly achieved: number;
  readonly sustained: number;
  readonly lost: number;
  /** sustained / achieved; null before any gain. */
  readonly rate: number | null;
}

export interface PracticeAdoption {
  readonly practiceId: string;
  readonly teams: number;
  readonly organisations: number;
  /** Cumulative adopting teams and organisations of the region, every month from the first adoption. */
  readonly byMonth: readonly { readonly month: string; readonly teams: number; readonly organisations: number }[];
}

export interface StalledSpiral {
  readonly spiralId: string;
  /** The need's title; null only for a view stored before titles were kept. */
  readonly title: string | null;
  readonly teamId: string;
  /** The team's name; null while the team's registration is not in the view. */
  readonly teamName: string | null;
  readonly orgCode: string;
  readonly step: SpiralStep;
  readonly lastEventAt: string;
  readonly daysSinceLastEvent: number;
}

export interface NetworkSummary {
  readonly networkId: string;
  readonly name: string;
  readonly kind: NetworkKind;
  readonly members: number;
}

export interface SpreadStrategyView extends StrategySummary {
  /** The named organisations with a team that has adopted the practice, with the count named. */
  readonly reach: { readonly named: number; readonly adopting: number; readonly share: number | null };
}

export interface RegionComparison {
  /** All regions together: counts summed, shares recomputed. */
  readonly national: { readonly penetration: Penetration; readonly sustainedRate: SustainedRate; readonly funnel: Funnel };
  /** Every region's penetration, in SHA code order: small multiples, not a league table. */
  readonly regions: readonly { readonly shaCode: string; readonly penetration: Penetration }[];
}

/** GET /regions/:sha/view (SPEC "Views", regional). */
export interface RegionalView {
  readonly shaCode: string;
  /**
   * The view's moment, which stalled spirals, adoption curves, networks and priorities are judged
   * at: the asOf asked for, or else the latest event the view holds (a history that ends in 2006 is
   * judged in 2006, not today), or now when it holds none.
   */
  readonly asOf: string;
  /** Where the moment came from. */
  readonly asOfFrom: 'query' | 'latestEvent' | 'now';
  readonly stalledDays: number;
  readonly funnel: Funnel;
  readonly penetration: Penetration;
  readonly adoption: readonly PracticeAdoption[];
  readonly sustainedRate: SustainedRate;
  readonly stalled: readonly StalledSpiral[];
  readonly support: { readonly total: number; readonly byKind: Readonly<Record<SupportKind, number>> };
  readonly networks: readonly NetworkSummary[];
  readonly priorities: readonly (PrioritySummary & { readonly standing: boolean })[];
  readonly spreadStrategies: readonly SpreadStrategyView[];
  readonly comparison: RegionComparison;
}
