import {
  isNewFor,
  withAdopter,
  withEntry,
  type Adopters,
  type Direction,
  type GainEpisode,
  type MeasureImpact,
  type SpiralSummary,
} from '@spiral/analytics';
import type { EventEnvelope, EvidenceLevel, PracticeEvent } from '@spiral/event-catalogue';

/** The impact of one adopting spiral with an achieved gain, on its own measure. */
export type ImpactEntry = MeasureImpact & { teamId: string; shaCode: string; measure: string; improvement: Direction };

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
  /** By adopting spiral: its gains, for sustainability. */
  gains: Record<string, GainEpisode[]>;
  /** By adopting spiral with a gain achieved: what adopting did to its measure. */
  impact: Record<string, ImpactEntry>;
};

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
    gains: {},
    impact: {},
  };
}

/** The practice after one event of its own stream; undefined when applied already. */
export function withPracticeEvent(practice: PracticeDocument, envelope: EventEnvelope): PracticeDocument | undefined {
  if (!isNewFor(practice, envelope)) return undefined;
  const next = { ...practice, revision: envelope.streamRevision };
  const event = { type: envelope.type, data: envelope.data } as PracticeEvent;
  switch (event.type) {
    case 'PracticeProposed':
      return { ...next, status: 'proposed', title: event.data.title, targetMeasures: [...event.data.targetMeasures], proposedAt: envelope.occurredAt };
    case 'PracticePublished':
      return { ...next, status: 'published', publishedAt: practice.publishedAt ?? envelope.occurredAt, version: event.data.version, evidenceLevel: event.data.evidenceLevel };
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

/**
 * The practice after a change to one of its adopting spirals: a new adopter, changed gains, a new
 * impact figure. Undefined when nothing it keeps changed.
 */
export function withAdoptingSpiral(practice: PracticeDocument, before: SpiralSummary | undefined, after: SpiralSummary, impact?: MeasureImpact): PracticeDocument | undefined {
  let next = practice;
  if (after.adoption !== null && (before?.adoption ?? null) === null) {
    const entry = { spiralId: after.spiralId, orgCode: after.orgCode, shaCode: after.shaCode, at: after.adoption.at };
    const adopters = withAdopter(next.adopters, after.teamId, entry);
    if (adopters !== undefined) next = { ...next, adopters };
  }
  // The summary's fold makes a new gains list only on a gain event, so identity tells a change.
  if (after.gains.length > 0 && before?.gains !== after.gains) {
    next = { ...next, gains: withEntry(next.gains, after.spiralId, after.gains) };
  }
  if (impact !== undefined) {
    const entry = { ...impact, teamId: after.teamId, shaCode: after.shaCode, measure: after.measure.name, improvement: after.measure.improvement };
    next = { ...next, impact: withEntry(next.impact, after.spiralId, entry) };
  }
  return next === practice ? undefined : next;
}
