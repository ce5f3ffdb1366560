import { ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsBoundedList, IsIdentifier, IsProse, IsText } from '../validation/field-rules';

/** Where an innovation came from (SPEC "National level", innovation role). */
export const PRACTICE_ORIGINS = ['nhsTeam', 'otherIndustry', 'otherHealthSystem', 'research'] as const;
export type PracticeOrigin = (typeof PRACTICE_ORIGINS)[number];

/** The national organisation proposed an innovation. Starts a practice's stream. */
export class PracticeProposedData {
  @IsIdentifier()
  practiceId!: string;

  @IsText(200)
  title!: string;

  @IsProse(4000)
  summary!: string;

  @IsIn(PRACTICE_ORIGINS)
  origin!: PracticeOrigin;

  /** Which team, industry, health system or study it came from, in words. */
  @IsProse(1000)
  originDetail!: string;

  /** Names of the measures it aims to improve, matched by name against spirals' measures. */
  @IsArray()
  @ArrayMinSize(1)
  @IsBoundedList(20)
  @ArrayUnique()
  @IsText(200, { each: true })
  targetMeasures!: string[];
}

export const PracticeProposed = defineEvent('PracticeProposed', 'national', PracticeProposedData);
export type PracticeProposed = EventOf<typeof PracticeProposed>;
