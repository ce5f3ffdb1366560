import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsFiniteNumber, IsIdentifier, IsProse, IsText } from '../validation/field-rules';
import { Measure } from '../values/measure';
import { Trigger } from '../values/trigger';

/** Step 1 of the spiral: a team recognised a measurable gap. Starts a spiral's stream. */
export class NeedRecognisedData {
  @IsIdentifier()
  spiralId!: string;

  @IsIdentifier()
  teamId!: string;

  /** The team's organisation and region as registered, copied so views need no join. */
  @IsIdentifier()
  orgCode!: string;

  @IsIdentifier()
  shaCode!: string;

  @IsText(200)
  title!: string;

  // ValidateNested alone lets a missing object through (see values/priority.ts).
  @IsDefined()
  @ValidateNested()
  @Type(() => Measure)
  measure!: Measure;

  @IsFiniteNumber()
  baseline!: number;

  @IsFiniteNumber()
  target!: number;

  @IsDefined()
  @ValidateNested()
  @Type(() => Trigger)
  trigger!: Trigger;

  @IsProse(2000)
  gap!: string;

  /** The spiral whose turn this one continues, if any. */
  @IsOptional()
  @IsIdentifier()
  parentSpiralId?: string;
}

export const NeedRecognised = defineEvent('NeedRecognised', 'local', NeedRecognisedData);
export type NeedRecognised = EventOf<typeof NeedRecognised>;
