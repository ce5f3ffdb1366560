import type { EventEnvelope, TeamRegistered } from '@spiral/event-catalogue';
import { isNewFor } from './document-session';

/**
 * One team as the regional and national views need it: where it belongs, whether it is
 * registered, and how many of its spirals are live. A spiral may be seen before its team's
 * registration (feeds order events per stream only), so either may create the document.
 */
export type TeamIndex = {
  teamId: string;
  /** Last applied revision of the team's stream; −1 while only its spirals have been seen. */
  revision: number;
  registered: boolean;
  registeredAt: string | null;
  /** The team's name from its registration; absent before it (and from documents written before it was kept). */
  name?: string;
  orgCode: string;
  shaCode: string;
  liveSpirals: number;
};

/** The team after its registration; undefined when the event was applied already. */
export function registerTeam(team: TeamIndex | undefined, event: EventEnvelope): TeamIndex | undefined {
  if (!isNewFor(team, event)) return undefined;
  const { teamId, name, orgCode, shaCode } = (event as EventEnvelope<TeamRegistered>).data;
  return {
    teamId,
    revision: event.streamRevision,
    registered: true,
    registeredAt: event.occurredAt,
    name,
    orgCode,
    shaCode,
    liveSpirals: team?.liveSpirals ?? 0,
  };
}

/**
 * The team after one of its spirals opened (+1) or closed (−1), and whether the team itself
 * started (+1) or stopped (−1) having a live spiral: that is what penetration counts.
 */
export function withLiveSpiralChange(
  team: TeamIndex | undefined,
  where: { readonly teamId: string; readonly orgCode: string; readonly shaCode: string },
  delta: number,
): { team: TeamIndex; teamDelta: -1 | 0 | 1 } {
  const { teamId, orgCode, shaCode } = where;
  const before = team ?? { teamId, revision: -1, registered: false, registeredAt: null, orgCode, shaCode, liveSpirals: 0 };
  const liveSpirals = before.liveSpirals + delta;
  const teamDelta = before.liveSpirals === 0 && liveSpirals > 0 ? 1 : before.liveSpirals > 0 && liveSpirals === 0 ? -1 : 0;
  return { team: { ...before, liveSpirals }, teamDelta };
}
