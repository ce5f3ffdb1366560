import { IsArray } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsBoundedList, IsIdentifier, IsProse, IsText } from '../validation/field-rules';

/** Step 2 of the spiral: what the team learned from before deciding. A team may pull more than once. */
export class KnowledgePulledData {
  @IsIdentifier()
  spiralId!: string;

  /** Catalogue practices the team read. */
  @IsArray()
  @IsBoundedList(50)
  @IsIdentifier({ each: true })
  practiceIds!: string[];

  /** Other teams' spirals it learned from. */
  @IsArray()
  @IsBoundedList(50)
  @IsIdentifier({ each: true })
  peerSpiralIds!: string[];

  /** Outside sources: a paper, a guideline, a site visit. */
  @IsArray()
  @IsBoundedList(50)
  @IsText(500, { each: true })
  sources!: string[];

  @IsProse(2000)
  question!: string;
}

export const KnowledgePulled = defineEvent('KnowledgePulled', 'local', KnowledgePulledData);
export type KnowledgePulled = EventOf<typeof KnowledgePulled>;
