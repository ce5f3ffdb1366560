import type { EventEnvelope, Role } from '@spiral/event-catalogue';

/** One line of a stream's history: what happened, when, and who did it (no correlation data). */
export interface HistoryEntry {
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: Role };
}

/** The history summary every read of a local stream answers with, oldest first. */
export function historyOf(events: readonly EventEnvelope[]): HistoryEntry[] {
  return events.map(({ streamRevision, type, occurredAt, recordedAt, actor }) => ({
    revision: streamRevision,
    type,
    occurredAt,
    recordedAt,
    actor: { id: actor.id, role: actor.role },
  }));
}
