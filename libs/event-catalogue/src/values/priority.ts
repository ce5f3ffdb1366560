import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../validation/date-rules';
import { IsIdentifier, IsProse } from '../validation/field-rules';
import { Measure } from './measure';

/** A priority on a measure, as a region or the national organisation sets it; teams may cite it as their trigger. */
export class Priority {
  @IsIdentifier()
  priorityId!: string;

  // ValidateNested passes a missing object: without IsDefined a body lacking `measure` reached the
  // decider and failed there with a 500 (found by test/reliability/hostile-input).
  @IsDefined()
  @ValidateNested()
  @Type(() => Measure)
  measure!: Measure;

  @IsProse(2000)
  rationale!: string;

  /** The last day the priority stands; open-ended without one. */
  @IsOptional()
  @IsCalendarDate()
  until?: string;
}
