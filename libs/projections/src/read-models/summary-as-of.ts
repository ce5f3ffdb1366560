import { isAtOrBefore } from '@spiral/analytics';
import { withLiveTeamChange, withRegisteredTeam, type AreaOrganisations } from './area-penetration';
import type { SpiralSummary } from './spiral-summary';
import type { TeamIndex } from './team-index';

/**
 * A spiral's summary as it stood at `moment`, from its timeline (spiral-timeline.ts): undefined
 * before its need was recognised; its step, liveness, last activity, adoption and gains as folding
 * only its events up to the moment would have left them. The gains are those after the last change
 * to them by the moment, so a gain withdrawn later still counts then; a summary written before its
 * gain changes were kept falls back to its gains achieved by the moment.
 */
export function summaryAsOf(summary: SpiralSummary, moment: string): SpiralSummary | undefined {
  if (!isAtOrBefore(summary.recognisedAt, moment)) return undefined;
  const at = (instant: string | null): string | null => (instant !== null && isAtOrBefore(instant, moment) ? instant : null);
  const step = (summary.steps ?? []).filter((entry) => isAtOrBefore(entry.at, moment)).at(-1)?.step ?? summary.step;
  const lastEventAt = (summary.activity ?? []).filter((instant) => isAtOrBefore(instant, moment)).at(-1) ?? summary.lastEventAt;
  const changes = summary.gainChanges;
  const gains = changes !== undefined
    ? (changes.filter((change) => isAtOrBefore(change.at, moment)).at(-1)?.gains ?? [])
    : summary.gains
    .filter((episode) => isAtOrBefore(episode.achievedAt, moment))
    .map((episode) => ({ achievedAt: episode.achievedAt, sustainedAt: at(episode.sustainedAt), lostAt: at(episode.lostAt) }));
  const adoption = summary.adoption !== null && isAtOrBefore(summary.adoption.at, moment) ? summary.adoption : null;
  return { ...summary, step, live: step !== 'closed', lastEventAt, gains, adoption };
}

/**
 * An area's penetration counts at the moment, from its teams' registrations and its spirals as of
 * the moment (summaryAsOf): a team counts once, under its spirals' organisation, when one of its
 * spirals is live, as the team index counts it.
 */
export function organisationsAsOf(teams: readonly TeamIndex[], spiralsAsOf: readonly SpiralSummary[], moment: string): AreaOrganisations {
  let organisations: AreaOrganisations = {};
  for (const team of teams) if (team.registeredAt !== null && isAtOrBefore(team.registeredAt, moment)) organisations = withRegisteredTeam(organisations, team.orgCode);
  const liveTeams = new Map(spiralsAsOf.filter((spiral) => spiral.live).map((spiral) => [spiral.teamId, spiral.orgCode]));
  for (const orgCode of liveTeams.values()) organisations = withLiveTeamChange(organisations, orgCode, 1);
  return organisations;
}
