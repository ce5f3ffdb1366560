import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsBoundedList, IsIdentifier, IsText } from '../validation/field-rules';

/** One role on the improvement team and the improvement skills it brings (roles, not names). */
export class ImprovementTeamMember {
  @IsText(100)
  role!: string;

  @IsArray()
  @IsBoundedList(20)
  @IsText(200, { each: true })
  skills!: string[];
}

/** Step 4 of the spiral: what the team secured to make the change. */
export class ChangeSupportSecuredData {
  @IsIdentifier()
  spiralId!: string;

  /** Time, money, equipment, backfill: whatever was granted, in words. */
  @IsArray()
  @IsBoundedList(50)
  @IsText(500, { each: true })
  resources!: string[];

  @IsArray()
  @ArrayMinSize(1)
  @IsBoundedList(50)
  @ValidateNested({ each: true })
  @Type(() => ImprovementTeamMember)
  improvementTeam!: ImprovementTeamMember[];

  /** The sponsor's role, e.g. "Director of Nursing". */
  @IsText(200)
  sponsor!: string;
}

export const ChangeSupportSecured = defineEvent('ChangeSupportSecured', 'local', ChangeSupportSecuredData);
export type ChangeSupportSecured = EventOf<typeof ChangeSupportSecured>;
