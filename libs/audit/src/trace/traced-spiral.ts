import { streamIds, type EventEnvelope, type NeedRecognisedData } from '@spiral/event-catalogue';
import type { EventStore } from '@spiral/ports';

/** Whose spiral a trace is about, by name: an auditor reads titles and teams, not ids. */
export interface TracedSpiral {
  readonly spiralId: string;
  readonly title: string;
  readonly teamId: string;
  /** The team's registered name; null when its stream holds no registration (never, on a sound store). */
  readonly teamName: string | null;
  readonly orgCode: string;
  readonly shaCode: string;
}

/**
 * Names a spiral from its first event (NeedRecognised) and its team's registration, read from the
 * team's stream as every trace reads the store, never a view. `teamNames` keeps the teams read once
 * when a practice's many adoptions name the same team.
 */
export async function tracedSpiralOf(store: EventStore, spiralEvents: readonly EventEnvelope[], teamNames = new Map<string, string | null>()): Promise<TracedSpiral | undefined> {
  const first = spiralEvents[0];
  if (first?.type !== 'NeedRecognised') return undefined;
  const { spiralId, title, teamId, orgCode, shaCode } = first.data as NeedRecognisedData;
  if (!teamNames.has(teamId)) {
    const registered = (await store.readStream(streamIds.team(teamId))).find((event) => event.type === 'TeamRegistered');
    teamNames.set(teamId, registered === undefined ? null : (registered.data as { name: string }).name);
  }
  return { spiralId, title, teamId, teamName: teamNames.get(teamId) ?? null, orgCode, shaCode };
}
