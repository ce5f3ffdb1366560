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

/** The kind of a stream from its name ("spiral-…" → "spiral"), for readers that route by kind. */
export function streamKindOf(streamId: string): StreamKind | undefined {
  const prefix = streamId.split('-', 1)[0];
  const byPrefix: Record<string, StreamKind> = {
    organisation: 'organisation',
    team: 'team',
    spiral: 'spiral',
    region: 'region',
    network: 'network',
    practice: 'practice',
    fieldtest: 'fieldTest',
    national: 'nationalPriorities',
  };
  return prefix === undefined ? undefined : byPrefix[prefix];
}
