import { IsIn, IsInt, Min } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse } from '../validation/field-rules';
import { EVIDENCE_LEVELS, type EvidenceLevel } from '../values/evidence-level';

/**
 * A practice was published to the catalogue (or published again, e.g. after a field test) at an
 * evidence level. The decider numbers versions: 1 at first, then one more per publication or revision.
 */
export class PracticePublishedData {
  @IsIdentifier()
  practiceId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(EVIDENCE_LEVELS)
  evidenceLevel!: EvidenceLevel;

  @IsProse(4000)
  summary!: string;
}

export const PracticePublished = defineEvent('PracticePublished', 'national', PracticePublishedData);
export type PracticePublished = EventOf<typeof PracticePublished>;
