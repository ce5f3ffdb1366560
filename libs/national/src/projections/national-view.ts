import type { AdopterCategory, AdopterCategoryCounts, BassDiffusion, CoefficientOfVariation, Description, Direction, GainSustainability, RegionSpread, SpreadCounts, SpreadPoint, TimeToAdopt } from '@spiral/analytics';
import type { Penetration } from '@spiral/projections';
import type { EffectScale, EvidenceLevel, FieldTestVerdict } from '@spiral/event-catalogue';
import type { PracticeDocument } from './practice-document';

export type AdopterCategoriesFigure =
  | { readonly categorised: true; readonly n: number; readonly meanDays: number; readonly sdDays: number; readonly counts: AdopterCategoryCounts }
  | { readonly categorised: false; readonly n: number; readonly reason: string };

export interface FieldTestSummary {
  readonly fieldTestId: string;
  readonly sites: readonly string[];
  readonly reports: number;
  readonly startedAt: string;
  readonly verdict: FieldTestVerdict | null;
  readonly effectSize: number | null;
  /** The scale the effect size is on; null while the test runs. */
  readonly effectScale: EffectScale | null;
  readonly concludedAt: string | null;
}

export type ImprovementSummary = Description & { readonly median: number | null };

export interface ImpactFigures {
  /** Adopting spirals with a gain achieved by asOf. */
  readonly spirals: number;
  /** Relative improvement (positive is better) over those on the practice's own target measures. */
  readonly onTargetMeasures: ImprovementSummary;
  readonly byMeasure: readonly {
    readonly measure: string;
    readonly targeted: boolean;
    readonly improvement: Direction;
    readonly spirals: number;
    readonly relativeImprovement: ImprovementSummary;
  }[];
}

export interface PracticeFigures {
  readonly practiceId: string;
  readonly title: string | null;
  readonly status: PracticeDocument['status'];
  readonly evidenceLevel: EvidenceLevel | null;
  readonly version: number | null;
  readonly publishedAt: string | null;
  readonly retiredAt: string | null;
  readonly targetMeasures: readonly string[];
  readonly spread: SpreadCounts & { readonly byMonth: readonly SpreadPoint[] };
  readonly timeToAdopt: TimeToAdopt;
  readonly adopterCategories: AdopterCategoriesFigure;
  readonly fieldTests: readonly FieldTestSummary[];
  readonly impact: ImpactFigures;
  readonly sustainability: GainSustainability;
}

export interface RegionalVariation {
  /** Every region's penetration, in SHA code order. */
  readonly regions: readonly { readonly shaCode: string; readonly penetration: Penetration }[];
  /** Across regions with registered teams (organisations): the shares' mean, sd and sd / mean. */
  readonly teams: CoefficientOfVariation;
  readonly organisations: CoefficientOfVariation;
}

/** GET /national/view (SPEC "Views", national). */
export interface NationalView {
  readonly asOf: string;
  /** Teams registered by asOf: the teams that could adopt, behind time to adopt and the market cap of Bass's m. */
  readonly teamsRegistered: number;
  readonly practices: readonly PracticeFigures[];
  readonly variation: RegionalVariation;
}

export interface SpreadAdopter {
  /** 1 for the first team to adopt, nationally. */
  readonly order: number;
  readonly teamId: string;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly adoptedAt: string;
  readonly daysFromPublication: number | null;
  readonly category: AdopterCategory | null;
}

/** GET /practices/:id/spread. */
export interface PracticeSpread {
  readonly practiceId: string;
  readonly title: string | null;
  readonly status: PracticeDocument['status'];
  readonly publishedAt: string | null;
  readonly asOf: string;
  readonly totals: SpreadCounts;
  readonly byMonth: readonly SpreadPoint[];
  readonly byRegion: readonly RegionSpread[];
  /**
   * Bass's model fitted to the cumulative adoptions by month. Here, one practice at a time, rather
   * than in the national view: a fit costs tens of milliseconds, too much to repeat per practice.
   */
  readonly diffusion: BassDiffusion;
  readonly adopterCategories: AdopterCategoriesFigure;
  /** Adopting teams in order of adoption; a regional reader sees its own region's only. */
  readonly adopters: readonly SpreadAdopter[];
}
