import { coefficientOfVariation, isAtOrBefore } from '@spiral/analytics';
import { organisationsAsOf, penetrationOf, summaryAsOf, type SpiralSummary, type TeamIndex } from '@spiral/projections';
import type { NationalRegionDocument } from './national-region-document';
import type { RegionalVariation } from './national-view';

/**
 * SPEC "Views": geographical variation in penetration across regions, as the coefficient of
 * variation of the regions' shares (each region one unit, unweighted: the question is how much
 * regions differ, not how the nation's teams fare). Regions with nothing registered have no share
 * and are left out; n says how many are in.
 */
export function regionalVariation(regions: readonly NationalRegionDocument[]): RegionalVariation {
  const rows = [...regions]
    .sort((a, b) => (a.shaCode < b.shaCode ? -1 : 1))
    .map((region) => ({ shaCode: region.shaCode, penetration: penetrationOf(region.organisations) }));
  const shares = (pick: (row: (typeof rows)[number]) => number | null) => rows.map(pick).filter((share): share is number => share !== null);
  return {
    regions: rows,
    teams: coefficientOfVariation(shares((row) => row.penetration.teams.share)),
    organisations: coefficientOfVariation(shares((row) => row.penetration.organisations.share)),
  };
}

/** Teams registered by asOf, over every region. */
export function teamsRegisteredBy(regions: readonly NationalRegionDocument[], asOf: string): number {
  return regions.reduce((sum, region) => sum + region.registrations.filter((at) => isAtOrBefore(at, asOf)).length, 0);
}

/**
 * The regions' documents as a replay up to the moment leaves them (issue 17 item 3): a region known
 * once a team of it registered or a spiral of it began, its penetration counts from its teams'
 * registrations and its spirals as of the moment (summaryAsOf), its registrations by then.
 */
export function regionsAsOf(
  regions: readonly NationalRegionDocument[],
  index: { readonly spirals: readonly SpiralSummary[]; readonly teams: readonly TeamIndex[] },
  moment: string,
): NationalRegionDocument[] {
  const spirals = index.spirals.flatMap((spiral) => summaryAsOf(spiral, moment) ?? []);
  return regions.flatMap((region) => {
    const own = spirals.filter((spiral) => spiral.shaCode === region.shaCode);
    const registrations = region.registrations.filter((at) => isAtOrBefore(at, moment));
    if (own.length === 0 && registrations.length === 0) return [];
    return [{ ...region, organisations: organisationsAsOf(index.teams.filter((team) => team.shaCode === region.shaCode), own, moment), registrations }];
  });
}
