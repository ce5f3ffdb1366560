import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse } from '../validation/field-rules';

/** A practice left the catalogue for good; earlier adoptions keep citing it as it stood then. */
export class PracticeRetiredData {
  @IsIdentifier()
  practiceId!: string;

  @IsProse(2000)
  reason!: string;
}

export const PracticeRetired = defineEvent('PracticeRetired', 'national', PracticeRetiredData);
export type PracticeRetired = EventOf<typeof PracticeRetired>;
