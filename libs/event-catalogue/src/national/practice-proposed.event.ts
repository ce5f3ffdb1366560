import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
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

  /**
   * The clinical specialties it is meant for, as teams name theirs when they register ("stroke
   * medicine"), so a team finds it in the catalogue by its own specialty. Optional and added without
   * a new schema version: every event written before it is a valid event of this schema that named
   * none, so there is nothing to upcast (and the trace keeps showing events exactly as hashed).
   */
  @IsOptional()
  @IsArray()
  @IsBoundedList(20)
  @ArrayUnique()
  @IsText(100, { each: true })
  specialties?: string[];
}

export const PracticeProposed = defineEvent('PracticeProposed', 'national', PracticeProposedData);
export type PracticeProposed = EventOf<typeof PracticeProposed>;
