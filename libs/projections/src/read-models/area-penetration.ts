import { shareOf } from '@spiral/analytics';
import { ownEntry, setEntry } from './document-session';

/** Per organisation of an area: its registered teams and how many have a live spiral. */
export type OrganisationCounts = { teams: number; teamsWithLiveSpiral: number };
export type AreaOrganisations = Record<string, OrganisationCounts>;

const none: OrganisationCounts = { teams: 0, teamsWithLiveSpiral: 0 };

export function withRegisteredTeam(area: AreaOrganisations, orgCode: string): AreaOrganisations {
  const counts = ownEntry(area, orgCode) ?? none;
  return setEntry(area, orgCode, { ...counts, teams: counts.teams + 1 });
}

/** A team of the organisation started (+1) or stopped (−1) having a live spiral. */
export function withLiveTeamChange(area: AreaOrganisations, orgCode: string, teamDelta: number): AreaOrganisations {
  if (teamDelta === 0) return area;
  const counts = ownEntry(area, orgCode) ?? none;
  return setEntry(area, orgCode, { ...counts, teamsWithLiveSpiral: counts.teamsWithLiveSpiral + teamDelta });
}

export interface PenetrationShare {
  readonly withLiveSpiral: number;
  readonly registered: number;
  /** withLiveSpiral / registered; null with nothing registered. */
  readonly share: number | null;
}

/**
 * SPEC "Views": penetration is the share of teams and of organisations with a live (not closed)
 * spiral. An organisation is registered when one of its teams is, and counts as with a live
 * spiral when one of its teams has one.
 */
export interface Penetration {
  readonly teams: PenetrationShare;
  readonly organisations: PenetrationShare;
}

function penetrationShare(withLiveSpiral: number, registered: number): PenetrationShare {
  return { withLiveSpiral, registered, share: shareOf(withLiveSpiral, registered).share };
}

export function penetrationOf(area: AreaOrganisations): Penetration {
  const counts = Object.values(area);
  return {
    teams: penetrationShare(
      counts.reduce((sum, org) => sum + org.teamsWithLiveSpiral, 0),
      counts.reduce((sum, org) => sum + org.teams, 0),
    ),
    organisations: penetrationShare(
      counts.filter((org) => org.teamsWithLiveSpiral > 0).length,
      counts.filter((org) => org.teams > 0).length,
    ),
  };
}

/** Penetration over several areas (the nation over its regions): counts add, shares are recomputed. */
export function combinedPenetration(parts: readonly Penetration[]): Penetration {
  const sum = (pick: (part: Penetration) => PenetrationShare) =>
    penetrationShare(
      parts.reduce((total, part) => total + pick(part).withLiveSpiral, 0),
      parts.reduce((total, part) => total + pick(part).registered, 0),
    );
  return { teams: sum((part) => part.teams), organisations: sum((part) => part.organisations) };
}
