import type { EffectScale, FieldTestConcludedData } from '../national/field-test-concluded.event';
import type { FieldTestVerdict } from '../national/field-test-concluded.event';
import { defineUpcaster } from './upcaster';

/**
 * FieldTestConcluded as schema version 1 wrote it, kept as a fact for as long as such events exist.
 * The effect size had no stated scale: the payload documented it as "signed; its scale is the
 * protocol's".
 */
export interface FieldTestConcludedDataV1 {
  readonly fieldTestId: string;
  readonly practiceId: string;
  readonly verdict: FieldTestVerdict;
  readonly effectSize: number;
  readonly summary: string;
}

/** What v1 meant, said explicitly: its effect size is on the field test protocol's own scale. */
const V1_EFFECT_SCALE: EffectScale = 'protocol';

/** v1 → v2: v2 names the effect size's scale; a v1 verdict reads as on the protocol's scale. */
export const fieldTestConcludedV1ToV2 = defineUpcaster<FieldTestConcludedDataV1, FieldTestConcludedData>(
  'FieldTestConcluded',
  1,
  (v1) => ({ ...v1, effectScale: V1_EFFECT_SCALE }),
);
