import { dateOf, isAtOrBefore } from '@spiral/analytics';
import { combinedPenetration, penetrationOf, type SpiralSummary } from '@spiral/projections';
import type { NetworkDocument } from './network-document';
import type { RegionDocument } from './region-document';
import { adoptionCurves, funnelOf, stalledSpirals, strategiesWithReach, sustainedRateOf } from './regional-figures';
import type { PracticeAdoption, RegionalView, RegionComparison, SpreadStrategyView } from './regional-view';

export interface RegionalViewInput {
  readonly region: RegionDocument;
  /** Every region's document, this one included, for the comparison. */
  readonly regions: readonly RegionDocument[];
  readonly liveSpirals: readonly SpiralSummary[];
  readonly networks: readonly NetworkDocument[];
  /** The region's team names by team id, for naming stalled spirals' teams. */
  readonly teamNames: ReadonlyMap<string, string>;
}

export interface RegionalViewOptions {
  /** The view's moment (RegionalView.asOf) and where it came from. */
  readonly asOf: string;
  readonly asOfFrom: RegionalView['asOfFrom'];
  readonly stalledDays: number;
}

/** The figures that follow the region's adoptions and strategies known by asOf (SPEC "Views": adoption over time, spread). */
export interface AdoptionFigures {
  readonly adoption: readonly PracticeAdoption[];
  readonly spreadStrategies: readonly SpreadStrategyView[];
}

export function adoptionFiguresAt(region: RegionDocument, asOf: string): AdoptionFigures {
  return { adoption: adoptionCurves(region, asOf), spreadStrategies: strategiesWithReach(region, asOf) };
}

/** How the regions compare: counts as they stand, whatever asOf. */
export function regionComparison(regions: readonly RegionDocument[]): RegionComparison {
  const byCode = [...regions].sort((a, b) => (a.shaCode < b.shaCode ? -1 : 1));
  const penetrations = byCode.map((other) => ({ shaCode: other.shaCode, penetration: penetrationOf(other.organisations) }));
  return {
    national: {
      penetration: combinedPenetration(penetrations.map((entry) => entry.penetration)),
      sustainedRate: sustainedRateOf(byCode.map((other) => other.gains)),
      funnel: funnelOf(byCode.map((other) => other.funnel)),
    },
    regions: penetrations,
  };
}

/** The view from its parts, some of them held by a reader (the comparison, the adoption figures in asOf's stretch). */
export function regionalViewOf(
  parts: Omit<RegionalViewInput, 'regions'> & { readonly comparison: RegionComparison; readonly adoptionFigures: AdoptionFigures },
  options: RegionalViewOptions,
): RegionalView {
  const { region, comparison, adoptionFigures, liveSpirals, networks, teamNames } = parts;
  const { asOf, asOfFrom, stalledDays } = options;
  return {
    shaCode: region.shaCode,
    asOf,
    asOfFrom,
    stalledDays,
    funnel: funnelOf([region.funnel]),
    penetration: penetrationOf(region.organisations),
    adoption: adoptionFigures.adoption,
    sustainedRate: sustainedRateOf([region.gains]),
    stalled: stalledSpirals(liveSpirals, asOf, stalledDays, teamNames),
    support: { total: Object.values(region.support).reduce((sum, n) => sum + n, 0), byKind: region.support },
    networks: networks
      .filter((network) => isAtOrBefore(network.formedAt, asOf))
      .map(({ networkId, name, kind, members }) => ({ networkId, name, kind, members }))
      .sort((a, b) => a.name.localeCompare(b.name) || (a.networkId < b.networkId ? -1 : 1)),
    // Priorities set by the view's moment; one set later did not exist yet.
    priorities: region.priorities
      .filter((priority) => isAtOrBefore(priority.setAt, asOf))
      .map((priority) => ({ ...priority, standing: priority.until === null || priority.until >= dateOf(asOf) })),
    spreadStrategies: adoptionFigures.spreadStrategies,
    comparison,
  };
}

/**
 * The regional view from its stored documents. Counts (funnel, penetration, gains, support,
 * network members) and the comparison are the documents' as they stand; `asOf` judges what
 * depends on time: stalled spirals, adoption curves, strategies, networks formed, priorities set
 * and standing. A view asked as of a moment is assembled the same way from the documents as they
 * stood then (regional-as-of.ts), which is what a replay up to the moment holds.
 */
export function regionalView(input: RegionalViewInput, options: RegionalViewOptions): RegionalView {
  const { region, regions, liveSpirals, networks, teamNames } = input;
  return regionalViewOf({ region, comparison: regionComparison(regions), adoptionFigures: adoptionFiguresAt(region, options.asOf), liveSpirals, networks, teamNames }, options);
}
