import { ArrayMinSize, IsArray, IsInt, IsOptional, Min } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsBoundedList, IsIdentifier, IsProse, IsText } from '../validation/field-rules';

/**
 * Step 3 of the spiral: the one option adopted, with everything an auditor asks of the decision.
 * People are named by role, not by name ("ward manager"), and patients never.
 */
export class OptionAdoptedData {
  @IsIdentifier()
  spiralId!: string;

  @IsIdentifier()
  optionId!: string;

  /** The catalogue practice the adopted option applies, copied from the appraisal. */
  @IsOptional()
  @IsIdentifier()
  practiceId?: string;

  /** The practice's catalogue version as known at the decision, so the audit can show what it said then. */
  @IsOptional()
  @IsInt()
  @Min(1)
  practiceVersion?: number;

  @IsProse(4000)
  rationale!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsBoundedList(50)
  @IsText(200, { each: true })
  decidedBy!: string[];

  @IsArray()
  @IsBoundedList(50)
  @IsText(200, { each: true })
  stakeholders!: string[];

  @IsProse(4000)
  patientPerspective!: string;

  @IsOptional()
  @IsProse(4000)
  adaptations?: string;
}

export const OptionAdopted = defineEvent('OptionAdopted', 'local', OptionAdoptedData);
export type OptionAdopted = EventOf<typeof OptionAdopted>;
