import { defineEvent, type EventOf } from '../define-event';
import { IsCalendarDate } from '../validation/date-rules';
import { IsIdentifier, IsProse } from '../validation/field-rules';

/**
 * A person confirmed the rebase SPC suggested: a new group of limits starts at this period.
 * SPEC: limits are never recalculated automatically, only on a confirmed reason.
 */
export class RebaseConfirmedData {
  @IsIdentifier()
  spiralId!: string;

  /** A recorded period: the first point of the signal that suggested the rebase. */
  @IsCalendarDate()
  fromPeriod!: string;

  @IsProse(2000)
  reason!: string;
}

export const RebaseConfirmed = defineEvent('RebaseConfirmed', 'local', RebaseConfirmedData);
export type RebaseConfirmed = EventOf<typeof RebaseConfirmed>;
