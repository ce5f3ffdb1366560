import { IsIn } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse } from '../validation/field-rules';

/**
 * The kinds of support SPEC names for a region: advice, resources, facilitation, and air cover
 * (protection for a team that tries a radical approach). The local TeamSupportReceived reuses them.
 */
export const SUPPORT_KINDS = ['advice', 'resources', 'facilitation', 'airCover'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** A region supported one of its teams. */
export class SupportProvidedData {
  @IsIdentifier()
  shaCode!: string;

  @IsIdentifier()
  supportId!: string;

  @IsIdentifier()
  teamId!: string;

  @IsIn(SUPPORT_KINDS)
  kind!: SupportKind;

  @IsProse(2000)
  description!: string;
}

export const SupportProvided = defineEvent('SupportProvided', 'regional', SupportProvidedData);
export type SupportProvided = EventOf<typeof SupportProvided>;
