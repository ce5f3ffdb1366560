import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse } from '../validation/field-rules';
import { IsOrgCodeList } from '../values/org-codes';

/** A field test of a practice started at named sites. Starts a field test's stream. */
export class FieldTestStartedData {
  @IsIdentifier()
  fieldTestId!: string;

  @IsIdentifier()
  practiceId!: string;

  /** Organisation codes of the sites, 1 to 50, each once. */
  @IsOrgCodeList(50)
  sites!: string[];

  @IsProse(4000)
  protocol!: string;
}

export const FieldTestStarted = defineEvent('FieldTestStarted', 'national', FieldTestStartedData);
export type FieldTestStarted = EventOf<typeof FieldTestStarted>;
