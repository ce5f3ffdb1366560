import { combinedPenetration, dateOf, isAtOrBefore, penetrationOf, type SpiralSummary } from '@spiral/analytics';
import type { NetworkDocument } from './network-document';
import type { RegionDocument } from './region-document';
import { adoptionCurves, funnelOf, stalledSpirals, strategiesWithReach, sustainedRateOf } from './regional-figures';
import type { RegionalView } from './regional-view';

export interface RegionalViewInput {
  readonly region: RegionDocument;
  /** Every region's document, this one included, for the comparison. */
  readonly regions: readonly RegionDocument[];
  readonly liveSpirals: readonly SpiralSummary[];
  readonly networks: readonly NetworkDocument[];
}

/**
 * The regional view from its stored documents. Counts (funnel, penetration, gains, support) are
 * the view as it stands; `asOf` judges what depends on time: stalled spirals, adoption curves,
 * which priorities stand. A view of the past as it stood then is a replay (SPEC "Analysts").
 */
export function regionalView(input: RegionalViewInput, options: { readonly asOf: string; readonly stalledDays: number }): RegionalView {
  const { region, regions, liveSpirals, networks } = input;
  const { asOf, stalledDays } = options;
  const byCode = [...regions].sort((a, b) => (a.shaCode < b.shaCode ? -1 : 1));
  const penetrations = byCode.map((other) => ({ shaCode: other.shaCode, penetration: penetrationOf(other.organisations) }));
  return {
    shaCode: region.shaCode,
    asOf,
    stalledDays,
    funnel: funnelOf([region.funnel]),
    penetration: penetrationOf(region.organisations),
    adoption: adoptionCurves(region, asOf),
    sustainedRate: sustainedRateOf([region.gains]),
    stalled: stalledSpirals(liveSpirals, asOf, stalledDays),
    support: { total: Object.values(region.support).reduce((sum, n) => sum + n, 0), byKind: region.support },
    networks: networks
      .filter((network) => isAtOrBefore(network.formedAt, asOf))
      .map(({ networkId, name, kind, members }) => ({ networkId, name, kind, members }))
      .sort((a, b) => a.name.localeCompare(b.name) || (a.networkId < b.networkId ? -1 : 1)),
    priorities: region.priorities.map((priority) => ({ ...priority, standing: priority.until === null || priority.until >= dateOf(asOf) })),
    spreadStrategies: strategiesWithReach(region, asOf),
    comparison: {
      national: {
        penetration: combinedPenetration(penetrations.map((entry) => entry.penetration)),
        sustainedRate: sustainedRateOf(byCode.map((other) => other.gains)),
        funnel: funnelOf(byCode.map((other) => other.funnel)),
      },
      regions: penetrations,
    },
  };
}
