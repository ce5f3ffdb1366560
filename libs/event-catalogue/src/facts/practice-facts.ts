import type { EventEnvelope } from '../envelope/event-envelope';
import type { EvidenceLevel } from '../values/evidence-level';

export type PracticeStatus = 'proposed' | 'published' | 'retired';

/** What a decision in another context may rely on about a catalogue practice. */
export interface PracticeFacts {
  readonly practiceId: string;
  readonly status: PracticeStatus;
  /** The published version; undefined until first published. */
  readonly version?: number;
  readonly evidenceLevel?: EvidenceLevel;
}

/** Folds a practice's published events, optionally only those that occurred by a moment. */
export function practiceFactsFrom(events: readonly EventEnvelope[], asOf?: string): PracticeFacts | undefined {
  let facts: PracticeFacts | undefined;
  for (const event of events) {
    if (asOf !== undefined && Date.parse(event.occurredAt) > Date.parse(asOf)) break;
    const data = event.data as { practiceId: string; version?: number; evidenceLevel?: EvidenceLevel };
    switch (event.type) {
      case 'PracticeProposed':
        facts = { practiceId: data.practiceId, status: 'proposed' };
        break;
      case 'PracticePublished':
      case 'PracticeRevised':
        if (facts) facts = { ...facts, status: 'published', version: data.version, evidenceLevel: data.evidenceLevel };
        break;
      case 'PracticeRetired':
        if (facts) facts = { ...facts, status: 'retired' };
        break;
    }
  }
  return facts;
}
