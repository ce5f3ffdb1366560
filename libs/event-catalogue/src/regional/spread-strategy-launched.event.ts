import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse } from '../validation/field-rules';
import { IsOrgCodeList } from '../values/org-codes';

/** A region set out to spread a published practice across named organisations. */
export class SpreadStrategyLaunchedData {
  @IsIdentifier()
  shaCode!: string;

  @IsIdentifier()
  strategyId!: string;

  @IsIdentifier()
  practiceId!: string;

  /** Organisation codes, at least one; a region of 2002–2006 had a few dozen at most. */
  @IsOrgCodeList(100)
  organisations!: string[];

  @IsProse(4000)
  approach!: string;
}

export const SpreadStrategyLaunched = defineEvent('SpreadStrategyLaunched', 'regional', SpreadStrategyLaunchedData);
export type SpreadStrategyLaunched = EventOf<typeof SpreadStrategyLaunched>;
