import { isNewFor, withAdopter, type Adopters, type SpiralSummary } from '@spiral/projections';
import type { EventEnvelope, EvidenceLevel, PracticeEvent } from '@spiral/event-catalogue';

/**
 * One practice of the catalogue (collection `national-practices`, id = practice id): its facts and
 * its adopting teams. Its adopting spirals' gains and impact are documents of their own
 * (PracticeSpiralDocument): kept here, every point of every adopting spiral copied and rewrote maps
 * that grow with the practice's spread.
 */
export type PracticeDocument = {
  practiceId: string;
  /** Last applied revision of the practice's stream; −1 while only adoptions of it have been seen. */
  revision: number;
  status: 'unknown' | 'proposed' | 'published' | 'retired';
  title: string | null;
  targetMeasures: string[];
  proposedAt: string | null;
  /** The first publication: time to adopt runs from it. */
  publishedAt: string | null;
  version: number | null;
  evidenceLevel: EvidenceLevel | null;
  retiredAt: string | null;
  /** By team: each adopting team's first adoption. */
  adopters: Adopters;
  /**
   * The catalogue facts after each event of the practice's stream, with its occurredAt: what the
   * view reads as of a moment (practice-as-of.ts). Absent from documents written before it was kept.
   */
  history?: PracticeRevisionAt[];
};

/** The practice's status, version and evidence level as one event of its stream left them. */
export type PracticeRevisionAt = Pick<PracticeDocument, 'status' | 'version' | 'evidenceLevel'> & { at: string };

export function emptyPractice(practiceId: string): PracticeDocument {
  return {
    practiceId,
    revision: -1,
    status: 'unknown',
    title: null,
    targetMeasures: [],
    proposedAt: null,
    publishedAt: null,
    version: null,
    evidenceLevel: null,
    retiredAt: null,
    adopters: {},
    history: [],
  };
}

/** The practice after one event of its own stream; undefined when applied already. */
export function withPracticeEvent(practice: PracticeDocument, envelope: EventEnvelope): PracticeDocument | undefined {
  if (!isNewFor(practice, envelope)) return undefined;
  const after = practiceAfter({ ...practice, revision: envelope.streamRevision }, envelope);
  const revision: PracticeRevisionAt = { status: after.status, version: after.version, evidenceLevel: after.evidenceLevel, at: envelope.occurredAt };
  return { ...after, history: [...(practice.history ?? []), revision] };
}

function practiceAfter(next: PracticeDocument, envelope: EventEnvelope): PracticeDocument {
  const event = { type: envelope.type, data: envelope.data } as PracticeEvent;
  switch (event.type) {
    case 'PracticeProposed':
      return { ...next, status: 'proposed', title: event.data.title, targetMeasures: [...event.data.targetMeasures], proposedAt: envelope.occurredAt };
    case 'PracticePublished':
      return { ...next, status: 'published', publishedAt: next.publishedAt ?? envelope.occurredAt, version: event.data.version, evidenceLevel: event.data.evidenceLevel };
    case 'PracticeRevised':
      return { ...next, version: event.data.version, evidenceLevel: event.data.evidenceLevel };
    case 'PracticeRetired':
      return { ...next, status: 'retired', retiredAt: envelope.occurredAt };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** Whether the spiral adopted with this event (its summary before and after it). */
export function adoptsNow(before: SpiralSummary | undefined, after: SpiralSummary): boolean {
  return after.adoption !== null && (before?.adoption ?? null) === null;
}

/** The practice with the spiral's team among its adopters, when the spiral has just adopted it; undefined otherwise. */
export function withAdoptingSpiral(practice: PracticeDocument, before: SpiralSummary | undefined, after: SpiralSummary): PracticeDocument | undefined {
  if (after.adoption === null || !adoptsNow(before, after)) return undefined;
  const entry = { spiralId: after.spiralId, orgCode: after.orgCode, shaCode: after.shaCode, at: after.adoption.at };
  const adopters = withAdopter(practice.adopters, after.teamId, entry);
  return adopters === undefined ? undefined : { ...practice, adopters };
}
