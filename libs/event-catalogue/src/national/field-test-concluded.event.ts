import { IsIn } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsFiniteNumber, IsIdentifier, IsProse } from '../validation/field-rules';

export const FIELD_TEST_VERDICTS = ['effective', 'ineffective', 'inconclusive'] as const;
export type FieldTestVerdict = (typeof FIELD_TEST_VERDICTS)[number];

/** A field test ended with a verdict and an effect size; the practice id is copied for the national view. */
export class FieldTestConcludedData {
  @IsIdentifier()
  fieldTestId!: string;

  @IsIdentifier()
  practiceId!: string;

  @IsIn(FIELD_TEST_VERDICTS)
  verdict!: FieldTestVerdict;

  /** Signed; its scale is the protocol's (e.g. a standardised mean difference). */
  @IsFiniteNumber()
  effectSize!: number;

  @IsProse(4000)
  summary!: string;
}

export const FieldTestConcluded = defineEvent('FieldTestConcluded', 'national', FieldTestConcludedData);
export type FieldTestConcluded = EventOf<typeof FieldTestConcluded>;
