import { IsIn } from 'class-validator';
import { IsText } from '../validation/field-rules';

export const IMPROVEMENT_DIRECTIONS = ['increase', 'decrease'] as const;
export type ImprovementDirection = (typeof IMPROVEMENT_DIRECTIONS)[number];

/** What a spiral measures, and which way is better (it sets the colours of its SPC chart). */
export class Measure {
  @IsText(200)
  name!: string;

  @IsText(50)
  unit!: string;

  @IsIn(IMPROVEMENT_DIRECTIONS)
  improvement!: ImprovementDirection;
}
