import type { EvidenceLevel, PracticeOrigin, PracticeStatus } from '@spiral/event-catalogue';
import type { KnownPractice } from '../domain/practice/practice.state';
import type { CataloguePractice } from '../projections/practice-catalogue.reader';

/** GET /practices/:id: the practice as its stream stands; `revision` is for If-Match. */
export interface PracticeResponse {
  readonly practiceId: string;
  readonly status: PracticeStatus;
  readonly title: string;
  readonly origin: PracticeOrigin;
  readonly targetMeasures: readonly string[];
  /** The published version; null until first published. */
  readonly version: number | null;
  readonly evidenceLevel: EvidenceLevel | null;
  readonly firstPublishedAt: string | null;
  readonly revision: number;
  /** The practice as the catalogue shows it; null until the catalogue projection has applied it. */
  readonly catalogue: CataloguePractice | null;
}

export function practiceResponse(practice: KnownPractice, revision: number, catalogue: CataloguePractice | null): PracticeResponse {
  const { practiceId, status, title, origin, targetMeasures, evidenceLevel, firstPublishedAt } = practice;
  const version = practice.version === 0 ? null : practice.version;
  return { practiceId, status, title, origin, targetMeasures, version, evidenceLevel, firstPublishedAt, revision, catalogue };
}
