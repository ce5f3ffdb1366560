import { computeEventHash, type EventEnvelope } from '@spiral/event-catalogue';

/**
 * Why an event fails the chain: `altered` (its content no longer hashes to its hash), `unlinked`
 * (its previousHash is not the hash of the event before it: one of the two was rewritten and
 * rehashed), `removed` (a revision is missing from its stream), `reordered` (it is stored after a
 * later revision of its stream, so global order and stream order disagree).
 */
export type ChainBreakReason = 'altered' | 'unlinked' | 'removed' | 'reordered';

export interface ChainBreak {
  readonly streamId: string;
  readonly revision: number;
  readonly reason: ChainBreakReason;
  readonly detail: string;
}

/** SPEC "HTTP API": `{ok, streams, events, breaks[{streamId, revision, reason}]}`. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly breaks: readonly ChainBreak[];
}

interface StreamProgress {
  /** The revision the next event of the stream should carry. */
  next: number;
  /** Hash of the event at `next - 1`; null before the first. */
  lastHash: string | null;
  /** Revisions skipped so far: removed, unless they turn up later in global order (reordered). */
  missing?: Set<number>;
}

/**
 * Recomputes every stream's hash chain from events fed in global order, as stored (never upcast:
 * the hash covers the stored form). Memory grows with the number of streams, not of events, so
 * the whole store streams through it page by page.
 */
export class ChainVerifier {
  private readonly streams = new Map<string, StreamProgress>();
  private readonly breaks: ChainBreak[] = [];
  private events = 0;

  add(event: EventEnvelope): void {
    this.addChecked(event, computeEventHash(event) === event.hash);
  }

  /** An event whose hash the caller has already checked (from the engine's stored text: verifyStore). */
  addChecked(event: Pick<EventEnvelope, 'streamId' | 'streamRevision' | 'previousHash' | 'hash'>, intact: boolean): void {
    this.events += 1;
    const { streamId, streamRevision: revision } = event;
    const stream = this.streams.get(streamId) ?? { next: 0, lastHash: null };
    this.streams.set(streamId, stream);
    if (!intact) this.report(streamId, revision, 'altered', 'its content no longer matches its hash');
    if (revision < stream.next) {
      stream.missing?.delete(revision);
      this.report(streamId, revision, 'reordered', `stored after revision ${stream.next - 1} of its stream`);
      return;
    }
    if (revision > stream.next) {
      stream.missing ??= new Set();
      for (let skipped = stream.next; skipped < revision; skipped++) stream.missing.add(skipped);
    } else if (intact && event.previousHash !== stream.lastHash) {
      const before = revision === 0 ? 'null for a first event' : `the hash of revision ${revision - 1}`;
      this.report(streamId, revision, 'unlinked', `its previousHash is not ${before}`);
    }
    stream.next = revision + 1;
    stream.lastHash = event.hash;
  }

  /** The report once every event has been added; revisions still missing were removed. */
  finish(): VerifyReport {
    for (const [streamId, stream] of this.streams) {
      for (const revision of stream.missing ?? []) this.report(streamId, revision, 'removed', 'no event is stored at this revision');
    }
    const breaks = [...this.breaks].sort((a, b) => (a.streamId === b.streamId ? a.revision - b.revision : a.streamId < b.streamId ? -1 : 1));
    return { ok: breaks.length === 0, streams: this.streams.size, events: this.events, breaks };
  }

  private report(streamId: string, revision: number, reason: ChainBreakReason, detail: string): void {
    this.breaks.push({ streamId, revision, reason, detail });
  }
}
