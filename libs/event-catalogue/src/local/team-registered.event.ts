import { IsOptional } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsText } from '../validation/field-rules';

/** A clinical team joined Spiral, within one organisation of one region. Starts a team's stream. */
export class TeamRegisteredData {
  @IsIdentifier()
  teamId!: string;

  @IsText(200)
  name!: string;

  @IsIdentifier()
  orgCode!: string;

  @IsIdentifier()
  shaCode!: string;

  @IsOptional()
  @IsText(100)
  specialty?: string;
}

export const TeamRegistered = defineEvent('TeamRegistered', 'local', TeamRegisteredData);
export type TeamRegistered = EventOf<typeof TeamRegistered>;
