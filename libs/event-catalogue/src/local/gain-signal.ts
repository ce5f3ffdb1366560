import { ArrayMinSize, IsArray, IsIn } from 'class-validator';
import { IsCalendarDate } from '../validation/date-rules';
import { IsBoundedList, IsIdentifier } from '../validation/field-rules';
import { GAIN_RULES, type GainRule } from '../values/gain-rules';

/**
 * What every gain event carries (SPEC: "the event that records each of these cites the rule and the
 * periods that fired it"). Gains are decided from the data by statistical process control, not claimed.
 */
export class GainSignalData {
  @IsIdentifier()
  spiralId!: string;

  @IsIn(GAIN_RULES)
  rule!: GainRule;

  /** The points (by period) that fired the rule; a sustained gain cites twelve. */
  @IsArray()
  @ArrayMinSize(1)
  @IsBoundedList(400)
  @IsCalendarDate({ each: true })
  periods!: string[];
}
