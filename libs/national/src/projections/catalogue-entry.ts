import { isNewFor, withKeyedEntry } from '@spiral/projections';
import type { EffectScale, EventEnvelope, EvidenceLevel, FieldTestEvent, FieldTestVerdict, PracticeEvent, PracticeOrigin } from '@spiral/event-catalogue';

/** A field test of a catalogue entry, as a team reads it: where, since when, and the verdict once concluded. */
export type CatalogueFieldTest = {
  fieldTestId: string;
  /** Last applied revision of the field test's stream. */
  revision: number;
  sites: number;
  startedAt: string;
  verdict: FieldTestVerdict | null;
  effectSize: number | null;
  effectScale: EffectScale | null;
  summary: string | null;
  concludedAt: string | null;
};

/**
 * One practice of the published catalogue (collection `catalogue-practices`, id = practice id):
 * what a team searches and reads when it pulls knowledge (SPEC "The spiral", step 2).
 */
export type CatalogueEntry = {
  practiceId: string;
  /** Last applied revision of the practice's stream; −1 while only its field tests have been seen. */
  revision: number;
  status: 'unknown' | 'proposed' | 'published' | 'retired';
  title: string | null;
  summary: string | null;
  origin: PracticeOrigin | null;
  originDetail: string | null;
  targetMeasures: string[];
  specialties: string[];
  version: number | null;
  evidenceLevel: EvidenceLevel | null;
  /** The latest publication's summary of the evidence, or the latest revision's changes. */
  evidence: string | null;
  publishedAt: string | null;
  retiredAt: string | null;
  fieldTests: CatalogueFieldTest[];
};

export function emptyCatalogueEntry(practiceId: string): CatalogueEntry {
  return {
    practiceId, revision: -1, status: 'unknown', title: null, summary: null, origin: null, originDetail: null, targetMeasures: [], specialties: [],
    version: null, evidenceLevel: null, evidence: null, publishedAt: null, retiredAt: null, fieldTests: [],
  };
}

/** The entry after one event of the practice's own stream; undefined when applied already (a redelivery). */
export function withPracticeFact(entry: CatalogueEntry, envelope: EventEnvelope): CatalogueEntry | undefined {
  if (!isNewFor(entry, envelope)) return undefined;
  const next = { ...entry, revision: envelope.streamRevision };
  const event = { type: envelope.type, data: envelope.data } as PracticeEvent;
  switch (event.type) {
    case 'PracticeProposed': {
      const { title, summary, origin, originDetail, targetMeasures, specialties } = event.data;
      return { ...next, status: 'proposed', title, summary, origin, originDetail, targetMeasures: [...targetMeasures], specialties: [...(specialties ?? [])] };
    }
    case 'PracticePublished': {
      const { version, evidenceLevel, summary } = event.data;
      return { ...next, status: 'published', version, evidenceLevel, evidence: summary, publishedAt: entry.publishedAt ?? envelope.occurredAt };
    }
    case 'PracticeRevised':
      return { ...next, version: event.data.version, evidenceLevel: event.data.evidenceLevel, evidence: event.data.changes };
    case 'PracticeRetired':
      return { ...next, status: 'retired', retiredAt: envelope.occurredAt };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** The entry after a field test of the practice started or concluded; undefined when applied already. */
export function withFieldTestFact(entry: CatalogueEntry, envelope: EventEnvelope): CatalogueEntry | undefined {
  const event = { type: envelope.type, data: envelope.data } as FieldTestEvent;
  const fieldTestId = event.data.fieldTestId;
  const test = entry.fieldTests.find((candidate) => candidate.fieldTestId === fieldTestId);
  if (!isNewFor(test, envelope)) return undefined;
  const revision = envelope.streamRevision;
  const others = entry.fieldTests.filter((candidate) => candidate.fieldTestId !== fieldTestId);
  if (event.type === 'FieldTestStarted') {
    const started = { fieldTestId, revision, sites: event.data.sites.length, startedAt: envelope.occurredAt, verdict: null, effectSize: null, effectScale: null, summary: null, concludedAt: null };
    return { ...entry, fieldTests: withKeyedEntry(others, started, (test) => [test.startedAt, test.fieldTestId]) };
  }
  if (event.type !== 'FieldTestConcluded' || test === undefined) return undefined;
  const { verdict, effectSize, effectScale, summary } = event.data;
  const concluded = { ...test, revision, verdict, effectSize, effectScale, summary, concludedAt: envelope.occurredAt };
  return { ...entry, fieldTests: entry.fieldTests.map((candidate) => (candidate.fieldTestId === fieldTestId ? concluded : candidate)) };
}
