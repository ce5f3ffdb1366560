import { IsIn, IsInt, Min } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse } from '../validation/field-rules';

/** What a Plan-Do-Study-Act cycle ends with. */
export const CYCLE_DECISIONS = ['adopt', 'adapt', 'abandon'] as const;
export type CycleDecision = (typeof CYCLE_DECISIONS)[number];

/** Step 4 of the spiral: one change cycle, plan to decision. */
export class ChangeCycleCompletedData {
  @IsIdentifier()
  spiralId!: string;

  /** 1 for the spiral's first cycle; assigned by the decider, never by the request. */
  @IsInt()
  @Min(1)
  cycleNumber!: number;

  @IsProse(4000)
  plan!: string;

  @IsProse(4000)
  prediction!: string;

  @IsProse(4000)
  observed!: string;

  @IsProse(4000)
  learning!: string;

  @IsIn(CYCLE_DECISIONS)
  decision!: CycleDecision;
}

export const ChangeCycleCompleted = defineEvent('ChangeCycleCompleted', 'local', ChangeCycleCompletedData);
export type ChangeCycleCompleted = EventOf<typeof ChangeCycleCompleted>;
