import { DATE_RANGE_REASON, isMoment, isWithinDateRange, wholeNumberOf, type EventEnvelope } from '@spiral/event-catalogue';

/**
 * A moment to replay as of: a time on the `occurredAt` axis, or a global position.
 *
 * SPEC "Events": "as of a moment" means by occurredAt, when a fact happened in the health service,
 * not by recordedAt, when Spiral stored it. So history entered late (recorded in 2006, occurring in
 * 2004) belongs to a 2004 replay: the replay shows what is now known to have stood in 2004, and a
 * fact recorded before the moment but occurring after it is left out. Because occurredAt never goes
 * back within a stream (the write path refuses a fact older than its stream's last), the events kept
 * are a prefix of every stream: the projections see whole, gap-free streams, applied in the global
 * order in which they were recorded. A position is the other axis: everything stored up to it,
 * whatever its occurredAt, i.e. the store as it stood when that event was recorded.
 */
export type AsOf =
  | { readonly kind: 'time'; readonly at: string }
  | { readonly kind: 'position'; readonly position: number };

export class InvalidAsOf extends Error {
  constructor(
    readonly text: string,
    why = 'is neither an ISO 8601 time (2004-06-30 or 2004-06-30T12:00:00Z) nor position:N (N a whole number of at most 15 digits)',
  ) {
    super(`as-of "${text}" ${why}`);
  }
}

/**
 * `position:N` or an ISO 8601 time. A bare date means the end of that day (UTC): "as of
 * 2004-06-30" includes what happened on the 30th.
 */
export function parseAsOf(text: string): AsOf {
  // Read exactly as sent, as every date rule reads: a space around it was trimmed here, and refused in a query's asOf.
  // The one rule for whole numbers written as text: digits only, few enough to be held exactly
  // (position:99999999999999999999 was read as 100000000000000000000 and shown so).
  const digits = /^position:(.*)$/.exec(text)?.[1];
  if (digits !== undefined) {
    const position = wholeNumberOf(digits);
    if (position === undefined) throw new InvalidAsOf(text);
    return { kind: 'position', position };
  }
  // The form every date of a command takes (date-rules.ts): 2004-06-30T24:00+00:00 was read as 1 July.
  if (!isMoment(text)) throw new InvalidAsOf(text);
  const at = text.length === 10 ? `${text}T23:59:59.999Z` : text;
  const millis = Date.parse(at);
  // A real date only: 2004-02-30 is refused rather than read as 1 March.
  if (Number.isNaN(millis)) throw new InvalidAsOf(text);
  const sameDay = /[+-]\d{2}:\d{2}$/.test(text) || new Date(millis).toISOString().slice(0, 10) === text.slice(0, 10);
  if (!sameDay) throw new InvalidAsOf(text);
  // The one range of dates a user may give (date-range.ts), as for every date of a command.
  if (!isWithinDateRange(at)) throw new InvalidAsOf(text, DATE_RANGE_REASON);
  return { kind: 'time', at: new Date(millis).toISOString() };
}

export function describeAsOf(asOf: AsOf): string {
  return asOf.kind === 'time' ? asOf.at : `position:${asOf.position}`;
}

/** The last global position a replay reads: a position bounds the read; a time reads to the head. */
export function lastPositionFor(asOf: AsOf, head: number): number {
  return asOf.kind === 'position' ? Math.min(asOf.position, head) : head;
}

/** Whether an event read up to the last position belongs to the replay. */
export function includesEvent(asOf: AsOf): (event: Pick<EventEnvelope, 'occurredAt' | 'globalPosition'>) => boolean {
  if (asOf.kind === 'position') return (event) => event.globalPosition <= asOf.position;
  const limit = Date.parse(asOf.at);
  return (event) => Date.parse(event.occurredAt) <= limit;
}
