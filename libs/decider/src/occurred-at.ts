import { InvalidInput, RuleViolated } from './domain-errors';

/**
 * SPEC "Events": occurredAt may be given for history entered late, but never lies in the future
 * and never goes back before the last fact of the same stream. Without one, the fact happens now.
 */
export function resolveOccurredAt(requested: string | undefined, lastInStream: string | undefined, now: string): string {
  const occurredAt = requested ?? now;
  if (Date.parse(occurredAt) > Date.parse(now)) {
    throw new InvalidInput([{ field: 'occurredAt', reason: `must not be in the future (now is ${now})` }]);
  }
  if (lastInStream !== undefined && Date.parse(occurredAt) < Date.parse(lastInStream)) {
    throw new RuleViolated(
      'occurred_before_last_fact',
      `occurredAt ${occurredAt} is before the last recorded fact of this stream (${lastInStream})`,
    );
  }
  return new Date(occurredAt).toISOString();
}
