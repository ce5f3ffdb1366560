import { InvalidInput } from '@spiral/decider';

/**
 * A priority that ends before the day it is set could never guide anyone: `until` (a calendar date)
 * must fall on or after the date part of occurredAt (both read as UTC days).
 */
export function assertUntilNotBeforeSet(until: string | undefined, occurredAt: string): void {
  if (until === undefined) return;
  const setOn = occurredAt.slice(0, 10);
  if (until < setOn) {
    throw new InvalidInput([{ field: 'until', reason: `must not be before the day the priority is set (${setOn})` }]);
  }
}
