/**
 * Stream names, one per kind of thing an event changes. Kept in one place so the command side,
 * the projections and the auditors agree on them.
 */
export const streamIds = {
  organisation: (orgCode: string) => `organisation-${orgCode}`,
  team: (teamId: string) => `team-${teamId}`,
  spiral: (spiralId: string) => `spiral-${spiralId}`,
  region: (shaCode: string) => `region-${shaCode}`,
  network: (networkId: string) => `network-${networkId}`,
  practice: (practiceId: string) => `practice-${practiceId}`,
  fieldTest: (fieldTestId: string) => `fieldtest-${fieldTestId}`,
  nationalPriorities: () => 'national-priorities',
} as const;

export type StreamKind = keyof typeof streamIds;

const KIND_BY_PREFIX: ReadonlyMap<string, StreamKind> = new Map<string, StreamKind>([
  ['organisation', 'organisation'],
  ['team', 'team'],
  ['spiral', 'spiral'],
  ['region', 'region'],
  ['network', 'network'],
  ['practice', 'practice'],
  ['fieldtest', 'fieldTest'],
  ['national', 'nationalPriorities'],
]);

/** The kind of a stream from its name ("spiral-…" → "spiral"), for readers that route by kind. */
export function streamKindOf(streamId: string): StreamKind | undefined {
  // Called for every event a projection routes, so no array or table is made per call (profiled).
  const dash = streamId.indexOf('-');
  return KIND_BY_PREFIX.get(dash < 0 ? streamId : streamId.slice(0, dash));
}
