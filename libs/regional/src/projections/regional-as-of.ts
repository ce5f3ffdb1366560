import { isAtOrBefore } from '@spiral/analytics';
import { organisationsAsOf, summaryAsOf, type SpiralSummary, type TeamIndex } from '@spiral/projections';
import { SPIRAL_STEPS, SUPPORT_KINDS } from '@spiral/event-catalogue';
import type { NetworkDocument } from './network-document';
import type { RegionDocument } from './region-document';

/** Every document the regional view keeps, as one read of them (the reader holds it per change stamp). */
export interface RegionalDocuments {
  readonly regions: readonly RegionDocument[];
  readonly spirals: readonly SpiralSummary[];
  readonly teams: readonly TeamIndex[];
  readonly networks: readonly NetworkDocument[];
}

/** The regional view's documents as they stood at `moment`, read as the live ones are. */
export interface RegionalDocumentsAsOf {
  readonly regions: RegionDocument[];
  readonly liveSpirals: SpiralSummary[];
  readonly networks: NetworkDocument[];
  /** The region's teams' names, known from their registrations by the moment. */
  readonly teamNames: Map<string, string>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Whether the region had any fact by the moment: a replay up to it would hold its document then. */
function knownBy(region: RegionDocument, spirals: readonly SpiralSummary[], teams: readonly TeamIndex[], moment: string): boolean {
  const own = [...(region.supportGiven ?? []).map((given) => given.at), ...region.priorities.map((p) => p.setAt), ...region.spreadStrategies.map((s) => s.launchedAt)];
  return spirals.length > 0 || teams.some((team) => team.registeredAt !== null && isAtOrBefore(team.registeredAt, moment)) || own.some((at) => isAtOrBefore(at, moment));
}

/**
 * One region's document at the moment (issue 17 item 3): its funnel, penetration counts, gains and
 * support counted from its spirals' timelines, its teams' registrations and its support's dates;
 * adopters, priorities and strategies kept, for the view judges those by their own dates.
 */
function regionAsOf(region: RegionDocument, spirals: readonly SpiralSummary[], teams: readonly TeamIndex[], moment: string): RegionDocument {
  const funnel = zeros(SPIRAL_STEPS);
  for (const spiral of spirals) funnel[spiral.step] += 1;
  const organisations = organisationsAsOf(teams, spirals, moment);
  const episodes = spirals.flatMap((spiral) => spiral.gains);
  const gains = { achieved: episodes.length, sustained: episodes.filter((e) => e.sustainedAt !== null).length, lost: episodes.filter((e) => e.lostAt !== null).length };
  const supportGiven = (region.supportGiven ?? []).filter((given) => isAtOrBefore(given.at, moment));
  const support = zeros(SUPPORT_KINDS);
  for (const given of supportGiven) support[given.kind] += 1;
  return { ...region, funnel, organisations, gains, support, supportGiven };
}

/** What every region's view at the moment shares: the spiral summaries and the regions' documents as they stood then. */
export interface RegionsAsOf {
  readonly spirals: SpiralSummary[];
  readonly regions: RegionDocument[];
}

/**
 * Every spiral and region as it stood at the moment: the same for each region's view at it, so a
 * reader derives it once per moment (profiled: derived again for each of the 28 regions, it was
 * most of an evaluation's reading).
 */
export function regionsAsOf(documents: RegionalDocuments, moment: string): RegionsAsOf {
  const spirals = documents.spirals.flatMap((spiral) => summaryAsOf(spiral, moment) ?? []);
  const regions = documents.regions
    .map((region) => ({ region, spirals: spirals.filter((s) => s.shaCode === region.shaCode), teams: documents.teams.filter((t) => t.shaCode === region.shaCode) }))
    .filter(({ region, spirals: own, teams }) => knownBy(region, own, teams, moment))
    .map(({ region, spirals: own, teams }) => regionAsOf(region, own, teams, moment));
  return { spirals, regions };
}

/** Every region's document, its live spirals, its networks and its teams' names as they stood at the moment (regionsAsOf: its spirals and regions). */
export function regionalDocumentsAsOf(documents: RegionalDocuments, shaCode: string, moment: string, atMoment: RegionsAsOf): RegionalDocumentsAsOf {
  const { spirals, regions } = atMoment;
  const networks = documents.networks
    .filter((network) => network.shaCode === shaCode)
    .map((network) => ({ ...network, members: network.joinedAt === undefined ? network.members : network.joinedAt.filter((at) => isAtOrBefore(at, moment)).length }));
  const named = documents.teams.filter((team) => team.shaCode === shaCode && team.name !== undefined && team.registeredAt !== null && isAtOrBefore(team.registeredAt, moment));
  const teamNames = new Map(named.map((team) => [team.teamId, team.name!] as const));
  return { regions, liveSpirals: spirals.filter((spiral) => spiral.shaCode === shaCode && spiral.live), networks, teamNames };
}
