import type { EventEnvelope } from '../envelope/event-envelope';

/** What other contexts may rely on about a team: where it belongs. */
export interface TeamFacts {
  readonly teamId: string;
  readonly orgCode: string;
  readonly shaCode: string;
}

/**
 * Read from the team's published events, so the regional and national contexts never reach into
 * the local context's state (the catalogue is the published language between contexts).
 */
export function teamFactsFrom(events: readonly EventEnvelope[]): TeamFacts | undefined {
  for (const event of events) {
    if (event.type === 'TeamRegistered') {
      const data = event.data as { teamId: string; orgCode: string; shaCode: string };
      return { teamId: data.teamId, orgCode: data.orgCode, shaCode: data.shaCode };
    }
  }
  return undefined;
}
