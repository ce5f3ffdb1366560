import { IsIn } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsText } from '../validation/field-rules';

/** How far a team member has come in an improvement capability (SPEC "Leadership development"). */
export const CAPABILITY_LEVELS = ['awareness', 'practitioner', 'expert', 'leader'] as const;
export type CapabilityLevel = (typeof CAPABILITY_LEVELS)[number];

/** An improvement capability of a member of the team, recorded on the team's stream. */
export class MemberCapabilityRecordedData {
  @IsIdentifier()
  teamId!: string;

  /** The member's role ("staff nurse", "registrar"): a role, never a personal name. */
  @IsText(100)
  memberRole!: string;

  /** The capability, e.g. "PDSA cycles", "SPC charts", "process mapping". */
  @IsText(200)
  capability!: string;

  @IsIn(CAPABILITY_LEVELS)
  level!: CapabilityLevel;
}

export const MemberCapabilityRecorded = defineEvent('MemberCapabilityRecorded', 'local', MemberCapabilityRecordedData);
export type MemberCapabilityRecorded = EventOf<typeof MemberCapabilityRecorded>;
