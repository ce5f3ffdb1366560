import { IsIn, IsOptional } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse } from '../validation/field-rules';
// The same kinds the region records of the support it gives (SPEC "Regional level").
import { SUPPORT_KINDS, type SupportKind } from '../regional/support-provided.event';

/**
 * Support the team received, as the team's local conditions record it (SPEC "Leadership development
 * and local conditions"). The region's own record of support it gave is a regional event.
 */
export class TeamSupportReceivedData {
  @IsIdentifier()
  teamId!: string;

  /** The region that gave it, when a region did. */
  @IsOptional()
  @IsIdentifier()
  fromShaCode?: string;

  @IsIn(SUPPORT_KINDS)
  kind!: SupportKind;

  @IsProse(2000)
  description!: string;
}

export const TeamSupportReceived = defineEvent('TeamSupportReceived', 'local', TeamSupportReceivedData);
export type TeamSupportReceived = EventOf<typeof TeamSupportReceived>;
