import type { EvidenceLevel, PracticeOrigin } from '@spiral/event-catalogue';

/** Innovation: the national organisation proposes a practice (a new stream). */
export interface ProposePractice {
  readonly type: 'ProposePractice';
  readonly practiceId: string;
  readonly title: string;
  readonly summary: string;
  readonly origin: PracticeOrigin;
  readonly originDetail: string;
  /** Names of the measures it aims to improve, at least one. */
  readonly targetMeasures: readonly string[];
  readonly specialties?: readonly string[];
}

/** Sharing: publish to the catalogue, first time or again (e.g. after a field test). */
export interface PublishPractice {
  readonly type: 'PublishPractice';
  readonly practiceId: string;
  readonly evidenceLevel: EvidenceLevel;
  readonly summary: string;
}

export interface RevisePractice {
  readonly type: 'RevisePractice';
  readonly practiceId: string;
  /** The evidence level of the new version; the current one stands when omitted. */
  readonly evidenceLevel?: EvidenceLevel;
  readonly changes: string;
}

export interface RetirePractice {
  readonly type: 'RetirePractice';
  readonly practiceId: string;
  readonly reason: string;
}

export type PracticeCommand = ProposePractice | PublishPractice | RevisePractice | RetirePractice;
