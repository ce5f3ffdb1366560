import { instantOf } from '@spiral/analytics';
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
  const limit = instantOf(moment);
  const by = (instant: string): boolean => instantOf(instant) <= limit;
  if (!by(summary.recognisedAt)) return undefined;
  const at = (instant: string | null): string | null => (instant !== null && by(instant) ? instant : null);
  const step = lastBy(summary.steps ?? [], (entry) => entry.at, limit)?.step ?? summary.step;
  const lastEventAt = lastBy(summary.activity ?? [], (instant) => instant, limit) ?? summary.lastEventAt;
  const changes = summary.gainChanges;
  const gains = changes !== undefined
    ? (lastBy(changes, (change) => change.at, limit)?.gains ?? [])
    : summary.gains
    .filter((episode) => by(episode.achievedAt))
    .map((episode) => ({ achievedAt: episode.achievedAt, sustainedAt: at(episode.sustainedAt), lostAt: at(episode.lostAt) }));
  const adoption = summary.adoption !== null && by(summary.adoption.at) ? summary.adoption : null;
  return { ...summary, step, live: step !== 'closed', lastEventAt, gains, adoption };
}

/**
 * The last of a timeline's entries at or before the limit (ms), found by halving: the entries are
 * in time order (see spiral-timeline.ts), so those by the moment are a prefix. Reading every entry
 * made a spiral's summary at each moment cost its whole history (on the large seed, an evaluation's
 * two judgements took 1.8 s of CPU that way, 1.5 s halving).
 */
function lastBy<T>(entries: readonly T[], instant: (entry: T) => string, limit: number): T | undefined {
  let [low, high] = [0, entries.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (instantOf(instant(entries[middle] as T)) <= limit) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? undefined : entries[low - 1];
}

/**
 * An area's penetration counts at the moment, from its teams' registrations and its spirals as of
 * the moment (summaryAsOf): a team counts once, under its spirals' organisation, when one of its
 * spirals is live, as the team index counts it.
 */
export function organisationsAsOf(teams: readonly TeamIndex[], spiralsAsOf: readonly SpiralSummary[], moment: string): AreaOrganisations {
  const limit = instantOf(moment);
  let organisations: AreaOrganisations = {};
  for (const team of teams) if (team.registeredAt !== null && instantOf(team.registeredAt) <= limit) organisations = withRegisteredTeam(organisations, team.orgCode);
  const liveTeams = new Map(spiralsAsOf.filter((spiral) => spiral.live).map((spiral) => [spiral.teamId, spiral.orgCode]));
  for (const orgCode of liveTeams.values()) organisations = withLiveTeamChange(organisations, orgCode, 1);
  return organisations;
}
