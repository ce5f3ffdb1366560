import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsBoundedList, IsIdentifier, IsProse } from '../validation/field-rules';

export const MAX_APPRAISED_OPTIONS = 20;

export class AppraisedOption {
  @IsIdentifier()
  optionId!: string;

  @IsProse(2000)
  summary!: string;

  /** The catalogue practice the option applies, if any. */
  @IsOptional()
  @IsIdentifier()
  practiceId?: string;
}

/** Step 3 of the spiral: the options weighed. A later appraisal replaces the earlier set. */
export class OptionsAppraisedData {
  @IsIdentifier()
  spiralId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsBoundedList(MAX_APPRAISED_OPTIONS)
  @ArrayUnique((option: AppraisedOption) => option.optionId, { message: 'options must have unique optionIds' })
  @ValidateNested({ each: true })
  @Type(() => AppraisedOption)
  options!: AppraisedOption[];
}

export const OptionsAppraised = defineEvent('OptionsAppraised', 'local', OptionsAppraisedData);
export type OptionsAppraised = EventOf<typeof OptionsAppraised>;
