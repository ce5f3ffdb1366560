import type { EventEnvelope, TeamRegistered } from '@spiral/event-catalogue';
import type { ViewSession } from '../projection';
import { isNewFor } from './document-session';
import { foldSpiralEvent, type SpiralSummary } from './spiral-summary';
import { withTimeline } from './spiral-timeline';
import { registerTeam, withLiveSpiralChange, type TeamIndex } from './team-index';

/** Where a projection keeps its spiral summaries and its team index. */
export interface SpiralIndexCollections {
  readonly spirals: string;
  readonly teams: string;
}

/** What one accepted spiral event changed, for the projection to carry into its aggregates. */
export interface SpiralChange {
  readonly before: SpiralSummary | undefined;
  readonly after: SpiralSummary;
  /** +1 when the spiral's team now has a live spiral and had none, −1 when it has none left. */
  readonly teamDelta: -1 | 0 | 1;
}

/**
 * Applies a spiral event to the spiral's summary and, when the spiral opened or closed, to its
 * team's count of live spirals. Undefined for a redelivered event (or one before NeedRecognised):
 * the caller then changes nothing else either.
 */
export async function indexSpiralEvent(session: ViewSession, collections: SpiralIndexCollections, event: EventEnvelope): Promise<SpiralChange | undefined> {
  const spiralId = (event.data as { spiralId: string }).spiralId;
  const before = await session.get<SpiralSummary>(collections.spirals, spiralId);
  if (!isNewFor(before, event)) return undefined;
  const after = withTimeline(before, foldSpiralEvent(before, event), event.occurredAt);
  if (after === undefined) return undefined;
  session.put(collections.spirals, spiralId, after);
  const liveDelta = Number(after.live) - Number(before?.live ?? false);
  if (liveDelta === 0) return { before, after, teamDelta: 0 };
  const team = await session.get<TeamIndex>(collections.teams, after.teamId);
  const changed = withLiveSpiralChange(team, after, liveDelta);
  session.put(collections.teams, after.teamId, changed.team);
  return { before, after, teamDelta: changed.teamDelta };
}

/** Applies a TeamRegistered; answers the registered team, or undefined when it was applied already. */
export async function indexTeamRegistered(session: ViewSession, teams: string, event: EventEnvelope): Promise<TeamIndex | undefined> {
  const teamId = (event as EventEnvelope<TeamRegistered>).data.teamId;
  const registered = registerTeam(await session.get<TeamIndex>(teams, teamId), event);
  if (registered !== undefined) session.put(teams, teamId, registered);
  return registered;
}
