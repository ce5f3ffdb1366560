import type { TeamAdoption } from '@spiral/analytics';
import { ownEntry, setEntry } from './document-session';

/** A team's first adoption of one practice: the spiral that adopted it, where, and when. */
export type AdopterEntry = { spiralId: string; orgCode: string; shaCode: string; at: string };
/** By team id: a team adopts a practice once, however many of its spirals apply it. */
export type Adopters = Record<string, AdopterEntry>;

/** Earlier first; on the same instant the smaller spiral id, so arrival order never matters. */
function isEarlier(candidate: AdopterEntry, current: AdopterEntry): boolean {
  const [a, b] = [Date.parse(candidate.at), Date.parse(current.at)];
  return a < b || (a === b && candidate.spiralId < current.spiralId);
}

/** The adopters with a team's adoption added; undefined when the team had adopted as early already. */
export function withAdopter(adopters: Adopters, teamId: string, entry: AdopterEntry): Adopters | undefined {
  const current = ownEntry(adopters, teamId);
  if (current !== undefined && !isEarlier(entry, current)) return undefined;
  return setEntry(adopters, teamId, entry);
}

/** The adoptions in order of adoption (Rogers' "order of adoption"), ties by team id. */
export function adoptionsOf(adopters: Adopters): TeamAdoption[] {
  return Object.entries(adopters)
    .map(([teamId, entry]) => ({ teamId, ...entry }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
}
