import type { EventEnvelope, TeamEvent } from '@spiral/event-catalogue';
import { historyOf, type HistoryEntry } from './stream-history';

/** GET /teams/:id: the team as registered, and how much of its leadership and local conditions is recorded. */
export interface TeamResponse {
  readonly id: string;
  readonly revision: number;
  readonly name: string;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly specialty?: string;
  /** How many member capabilities were recorded. */
  readonly capabilities: number;
  /** How many times support received was recorded. */
  readonly supportReceived: number;
  readonly history: readonly HistoryEntry[];
}

/**
 * The team's decider keeps only what decisions need, so the name and counts are read from the
 * events; undefined when the stream holds no registration.
 */
export function teamResponse(events: readonly EventEnvelope[]): TeamResponse | undefined {
  // Stored events passed their schema on append, as foldHistory also relies on.
  const teamEvents = events as readonly unknown[] as readonly TeamEvent[];
  const registered = teamEvents.find((event) => event.type === 'TeamRegistered');
  if (registered?.type !== 'TeamRegistered') return undefined;
  const { teamId, name, orgCode, shaCode, specialty } = registered.data;
  const count = (type: TeamEvent['type']) => teamEvents.filter((event) => event.type === type).length;
  return {
    id: teamId,
    revision: events.length - 1,
    name,
    orgCode,
    shaCode,
    ...(specialty === undefined ? {} : { specialty }),
    capabilities: count('MemberCapabilityRecorded'),
    supportReceived: count('TeamSupportReceived'),
    history: historyOf(events),
  };
}
