import { IntersectionType, OmitType } from '@nestjs/swagger';
import { EFFECT_SCALES, FieldTestConcludedData, type EffectScale } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';
import { IsIn, IsOptional } from 'class-validator';

/** POST /field-tests/:id/conclusion: the verdict; the field test is the path's, its practice already known. */
export class ConcludeFieldTestRequest extends IntersectionType(
  OmitType(FieldTestConcludedData, ['fieldTestId', 'practiceId', 'effectScale'] as const),
  CommandRequest,
) {
  /** The effect size's scale; the protocol's own when left out, as every verdict before schema v2. */
  @IsOptional()
  @IsIn(EFFECT_SCALES)
  effectScale?: EffectScale;
}
