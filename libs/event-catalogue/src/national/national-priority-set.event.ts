import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsCalendarDate, IsIdentifier, IsProse } from '../validation/field-rules';
import { Measure } from '../values/measure';

/** The national organisation set a priority on a measure; teams may cite it as their trigger. */
export class NationalPrioritySetData {
  @IsIdentifier()
  priorityId!: string;

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

export const NationalPrioritySet = defineEvent('NationalPrioritySet', 'national', NationalPrioritySetData);
export type NationalPrioritySet = EventOf<typeof NationalPrioritySet>;
