import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier } from '../validation/field-rules';

/**
 * The first fact that named an organisation fixed its region (SPEC "Access": an organisation belongs
 * to one region). Starts, and is the only event of, the organisation's stream, which is written
 * only when empty, so two first facts racing cannot both win.
 */
export class OrganisationRegisteredData {
  @IsIdentifier()
  orgCode!: string;

  @IsIdentifier()
  shaCode!: string;
}

export const OrganisationRegistered = defineEvent('OrganisationRegistered', 'local', OrganisationRegisteredData);
export type OrganisationRegistered = EventOf<typeof OrganisationRegistered>;
