import type { EventEnvelope, PendingEvent } from '@spiral/event-catalogue';
import type { AppendLookups, StreamHead } from '@spiral/ports';
import { rowToEnvelope, textArray, type EventRow } from './postgres-event-store.schema';

export interface LookupRow {
  readonly stored: EventRow[] | null;
  readonly heads: { stream_id: string; stream_revision: number; hash: string }[] | null;
}

/**
 * What a group's checks need, read in one statement once the group holds the append lock: the
 * events already holding any of the group's ids, and the head of every stream it appends to.
 * Appends earlier in the group are added as they pass, so later ones in it see them.
 */
export class GroupLookups implements AppendLookups {
  private constructor(
    private readonly byId: Map<string, EventEnvelope>,
    private readonly heads: Map<string, StreamHead>,
  ) {}

  /**
   * The query for both, with the ids written in as literals: it goes in the same simple query as
   * the BEGIN and the lock (a simple query takes no parameters), one round trip for the three. It
   * is a statement of its own, so its snapshot is taken once the lock is held.
   */
  static sql(schema: string, group: readonly { readonly streamId: string; readonly events: readonly PendingEvent[] }[]): string {
    const eventIds = group.flatMap(({ events }) => events.map(({ eventId }) => eventId));
    const streamIds = [...new Set(group.map(({ streamId }) => streamId))];
    return `SELECT (SELECT json_agg(e) FROM ${schema}.events e WHERE e.event_id = ANY(${textArray(eventIds)})) AS stored,
              (SELECT json_agg(h) FROM (
                 SELECT s.stream_id, e.stream_revision, e.hash FROM unnest(${textArray(streamIds)}) AS s(stream_id)
                 CROSS JOIN LATERAL (SELECT stream_revision, hash FROM ${schema}.events WHERE stream_id = s.stream_id
                                     ORDER BY stream_revision DESC LIMIT 1) AS e) h) AS heads`;
  }

  /** The lookups from the row `sql` answered. */
  static from(row: LookupRow | undefined): GroupLookups {
    const { stored, heads } = row ?? { stored: null, heads: null };
    return new GroupLookups(
      new Map((stored ?? []).map((row) => [row.event_id, rowToEnvelope(row)])),
      new Map((heads ?? []).map((row) => [row.stream_id, { streamRevision: row.stream_revision, hash: row.hash }])),
    );
  }

  storedEvent(eventId: string): EventEnvelope | undefined {
    return this.byId.get(eventId);
  }

  head(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  inserted(events: readonly EventEnvelope[]): void {
    for (const event of events) {
      this.byId.set(event.eventId, event);
      this.heads.set(event.streamId, { streamRevision: event.streamRevision, hash: event.hash });
    }
  }
}
