import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsCalendarDate, IsIdentifier, IsProse } from '../validation/field-rules';
import { Measure } from '../values/measure';

/** A region set a priority on a measure; teams may cite it as what triggered their need. */
export class RegionalPrioritySetData {
  @IsIdentifier()
  shaCode!: string;

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

export const RegionalPrioritySet = defineEvent('RegionalPrioritySet', 'regional', RegionalPrioritySetData);
export type RegionalPrioritySet = EventOf<typeof RegionalPrioritySet>;
