import { IsOptional } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsFiniteNumber, IsIdentifier, IsProse, IsText } from '../validation/field-rules';

/** One site of a field test reported its result on a measure, against its own baseline. */
export class FieldTestSiteReportedData {
  @IsIdentifier()
  fieldTestId!: string;

  /** The site's organisation code, one of those the test started with. */
  @IsIdentifier()
  site!: string;

  /** The measure's name. */
  @IsText(200)
  measure!: string;

  @IsFiniteNumber()
  baselineValue!: number;

  @IsFiniteNumber()
  resultValue!: number;

  @IsOptional()
  @IsProse(2000)
  notes?: string;
}

export const FieldTestSiteReported = defineEvent('FieldTestSiteReported', 'national', FieldTestSiteReportedData);
export type FieldTestSiteReported = EventOf<typeof FieldTestSiteReported>;
