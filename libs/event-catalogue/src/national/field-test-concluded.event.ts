import { IsIn } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsFiniteNumber, IsIdentifier, IsProse } from '../validation/field-rules';

export const FIELD_TEST_VERDICTS = ['effective', 'ineffective', 'inconclusive'] as const;
export type FieldTestVerdict = (typeof FIELD_TEST_VERDICTS)[number];

/**
 * The scale an effect size is on. A bare number cannot be compared across field tests, nor read
 * by an auditor, without it: a standardised mean difference (Cohen's d), a relative change
 * (fraction of the baseline), an absolute change (in the measure's unit), or the protocol's own.
 */
export const EFFECT_SCALES = ['standardisedMeanDifference', 'relativeChange', 'absoluteChange', 'protocol'] as const;
export type EffectScale = (typeof EFFECT_SCALES)[number];

/**
 * A field test ended with a verdict and an effect size; the practice id is copied for the national view.
 * Schema v2 added `effectScale`; v1 events read as `protocol` (upcasting/field-test-concluded.v1.upcaster.ts).
 */
export class FieldTestConcludedData {
  @IsIdentifier()
  fieldTestId!: string;

  @IsIdentifier()
  practiceId!: string;

  @IsIn(FIELD_TEST_VERDICTS)
  verdict!: FieldTestVerdict;

  /** Signed, on the scale `effectScale` names. */
  @IsFiniteNumber()
  effectSize!: number;

  @IsIn(EFFECT_SCALES)
  effectScale!: EffectScale;

  @IsProse(4000)
  summary!: string;
}

export const FieldTestConcluded = defineEvent('FieldTestConcluded', 'national', FieldTestConcludedData, 2);
export type FieldTestConcluded = EventOf<typeof FieldTestConcluded>;
