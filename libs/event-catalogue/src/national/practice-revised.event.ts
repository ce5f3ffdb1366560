import { IsIn, IsInt, Min } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse } from '../validation/field-rules';
import { EVIDENCE_LEVELS, type EvidenceLevel } from '../values/evidence-level';

/** A published practice was revised: a new version, with what changed and its evidence level now. */
export class PracticeRevisedData {
  @IsIdentifier()
  practiceId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(EVIDENCE_LEVELS)
  evidenceLevel!: EvidenceLevel;

  @IsProse(4000)
  changes!: string;
}

export const PracticeRevised = defineEvent('PracticeRevised', 'national', PracticeRevisedData);
export type PracticeRevised = EventOf<typeof PracticeRevised>;
