import { ownEntry, withAdopter, setEntry, withLiveTeamChange, withRegisteredTeam, type Adopters, type AreaOrganisations, type SpiralChange } from '@spiral/projections';
import { SPIRAL_STEPS, SUPPORT_KINDS, type SpiralStep, type SupportKind } from '@spiral/event-catalogue';

export type PrioritySummary = {
  priorityId: string;
  measure: { name: string; unit: string; improvement: string };
  rationale: string;
  until: string | null;
  setAt: string;
};

export type StrategySummary = { strategyId: string; practiceId: string; organisations: string[]; approach: string; launchedAt: string };

/** Gain events of the region's spirals: each GainSustained and GainLost belongs to one achieved gain. */
export type GainCounts = { achieved: number; sustained: number; lost: number };

/** Everything the regional view of one SHA keeps; the figures are derived from it when read. */
export type RegionDocument = {
  shaCode: string;
  /** Last applied revision of the region's own stream (priorities, support, strategies). */
  revision: number;
  funnel: Record<SpiralStep, number>;
  organisations: AreaOrganisations;
  gains: GainCounts;
  /** By practice: each adopting team's first adoption in the region. */
  adoption: Record<string, Adopters>;
  support: Record<SupportKind, number>;
  /** Each support given, with when, so support can be counted as of a moment. */
  supportGiven?: { kind: SupportKind; at: string }[];
  priorities: PrioritySummary[];
  spreadStrategies: StrategySummary[];
};

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export function emptyRegion(shaCode: string): RegionDocument {
  return {
    shaCode,
    revision: -1,
    funnel: zeros(SPIRAL_STEPS),
    organisations: {},
    gains: { achieved: 0, sustained: 0, lost: 0 },
    adoption: {},
    support: zeros(SUPPORT_KINDS),
    supportGiven: [],
    priorities: [],
    spreadStrategies: [],
  };
}

export function withTeamRegistered(region: RegionDocument, orgCode: string): RegionDocument {
  return { ...region, organisations: withRegisteredTeam(region.organisations, orgCode) };
}

const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;

/** The region with its gain counts moved from a spiral's gains before to after; itself when they stay. */
function withGainsCounted(region: RegionDocument, previous: SpiralChange['after']['gains'], current: SpiralChange['after']['gains']): RegionDocument {
  const gains = {
    achieved: region.gains.achieved + current.length - previous.length,
    sustained: region.gains.sustained + count(current, (g) => g.sustainedAt !== null) - count(previous, (g) => g.sustainedAt !== null),
    lost: region.gains.lost + count(current, (g) => g.lostAt !== null) - count(previous, (g) => g.lostAt !== null),
  };
  const changed = gains.achieved !== region.gains.achieved || gains.sustained !== region.gains.sustained || gains.lost !== region.gains.lost;
  return changed ? { ...region, gains } : region;
}

/** The region after one accepted spiral event; undefined when the event changed nothing it counts. */
export function withSpiralChange(region: RegionDocument, { before, after, teamDelta }: SpiralChange): RegionDocument | undefined {
  let next = region;
  if (before?.step !== after.step) {
    const funnel = { ...next.funnel, [after.step]: next.funnel[after.step] + 1 };
    if (before !== undefined) funnel[before.step] -= 1;
    next = { ...next, funnel };
  }
  if (teamDelta !== 0) next = { ...next, organisations: withLiveTeamChange(next.organisations, after.orgCode, teamDelta) };
  // The summary's fold makes a new gains list only on a gain event, so the same list counts the same.
  if (before?.gains !== after.gains) next = withGainsCounted(next, before?.gains ?? [], after.gains);
  const practiceId = after.adoption?.practiceId;
  if (practiceId && !before?.adoption) {
    const adopters = withAdopter(ownEntry(next.adoption, practiceId) ?? {}, after.teamId, {
      spiralId: after.spiralId,
      orgCode: after.orgCode,
      shaCode: after.shaCode,
      at: after.adoption!.at,
    });
    if (adopters !== undefined) next = { ...next, adoption: setEntry(next.adoption, practiceId, adopters) };
  }
  return next === region ? undefined : next;
}
