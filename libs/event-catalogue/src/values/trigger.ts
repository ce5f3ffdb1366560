import { IsIn, IsOptional } from 'class-validator';
import { IsText } from '../validation/field-rules';

/** What made a team recognise its need (SPEC, step 1). */
export const TRIGGER_KINDS = [
  'localAnalysis',
  'patientVoice',
  'staffVoice',
  'regionalPriority',
  'nationalPriority',
  'innovation',
] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export class Trigger {
  @IsIn(TRIGGER_KINDS)
  kind!: TriggerKind;

  /** What it points at: a priority id, a practice id, a survey reference. */
  @IsOptional()
  @IsText(200)
  ref?: string;
}
