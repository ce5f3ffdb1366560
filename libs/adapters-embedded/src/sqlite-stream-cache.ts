import type { EventEnvelope } from '@spiral/event-catalogue';

/**
 * Streams already read, kept parsed for a single bulk writer (`spiral seed`), which reads the same
 * streams again and again as it appends to them: each command reads its stream, and the gains it
 * settles read it once more. Stored events never change, so a stream is read from the table only
 * past the revision held, whoever appended it. Bounded by the events held: the streams read least
 * recently are let go first.
 */
export class SqliteStreamCache {
  private readonly streams = new Map<string, EventEnvelope[]>();
  private held = 0;

  constructor(private readonly maxEvents: number) {}

  /** The whole stream: what is held, then what `readAfter` finds past its last revision. */
  read(streamId: string, readAfter: (revision: number) => EventEnvelope[]): EventEnvelope[] {
    const events = this.streams.get(streamId) ?? [];
    const tail = readAfter(events.at(-1)?.streamRevision ?? -1);
    events.push(...tail);
    this.held += tail.length;
    // Re-inserted last: a Map iterates in insertion order, so the first key is the least recently read.
    this.streams.delete(streamId);
    this.streams.set(streamId, events);
    for (const [oldest, dropped] of this.streams) {
      if (this.held <= this.maxEvents || oldest === streamId) break;
      this.streams.delete(oldest);
      this.held -= dropped.length;
    }
    // A copy: callers may keep or change what they were given without changing what is held.
    return events.slice();
  }
}
