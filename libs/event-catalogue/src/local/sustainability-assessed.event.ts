import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsText } from '../validation/field-rules';
import { RatesAtLeastOneFactor, SustainabilityFactors } from '../values/sustainability-factors';

/** Step 5 of the spiral: the team rated its change on the NHS Sustainability Model's factors. */
export class SustainabilityAssessedData {
  @IsIdentifier()
  spiralId!: string;

  /** Who assessed, by role or group ("improvement team", "ward sisters"). */
  @IsText(200)
  assessedBy!: string;

  @RatesAtLeastOneFactor()
  @ValidateNested()
  @Type(() => SustainabilityFactors)
  factors!: SustainabilityFactors;
}

export const SustainabilityAssessed = defineEvent('SustainabilityAssessed', 'local', SustainabilityAssessedData);
export type SustainabilityAssessed = EventOf<typeof SustainabilityAssessed>;
