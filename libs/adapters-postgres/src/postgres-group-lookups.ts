import type { EventEnvelope, PendingEvent } from '@spiral/event-catalogue';
import type { AppendLookups, StreamHead } from '@spiral/ports';
import type { Pool, PoolClient } from 'pg';
import { rowToEnvelope, type EventRow } from './postgres-event-store.schema';

/**
 * What a group's checks need, read in one query (before the group takes the append lock, or once it
 * holds it: see PostgresGroupCommit): the events already holding any of the group's ids, and the
 * head of every stream it appends to.
 * Appends earlier in the group are added as they pass, so later ones in it see them.
 */
export class GroupLookups implements AppendLookups {
  private constructor(
    private readonly byId: Map<string, EventEnvelope>,
    private readonly heads: Map<string, StreamHead>,
  ) {}

  static async load(
    reader: Pool | PoolClient,
    schema: string,
    group: readonly { readonly streamId: string; readonly events: readonly PendingEvent[] }[],
  ): Promise<GroupLookups> {
    const eventIds = group.flatMap(({ events }) => events.map(({ eventId }) => eventId));
    const streamIds = [...new Set(group.map(({ streamId }) => streamId))];
    // One round trip for both: the lock may be held meanwhile.
    const { rows } = await reader.query<{ stored: EventRow[] | null; heads: { stream_id: string; stream_revision: number; hash: string }[] | null }>(
      `SELECT (SELECT json_agg(e) FROM ${schema}.events e WHERE e.event_id = ANY($1::text[])) AS stored,
              (SELECT json_agg(h) FROM (
                 SELECT s.stream_id, e.stream_revision, e.hash FROM unnest($2::text[]) AS s(stream_id)
                 CROSS JOIN LATERAL (SELECT stream_revision, hash FROM ${schema}.events WHERE stream_id = s.stream_id
                                     ORDER BY stream_revision DESC LIMIT 1) AS e) h) AS heads`,
      [eventIds, streamIds],
    );
    const { stored, heads } = rows[0] ?? { stored: null, heads: null };
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
