import { addDays, addMonths, HISTORY_END, type Instant } from './calendar';
import type { PracticeTimeline } from './plan-national';
import type { Random } from './prng';

/** The earliest and latest a team may adopt a practice: after news of it spreads, before it is retired. */
export function adoptionWindow(practice: PracticeTimeline): { from: Instant; to: Instant } | undefined {
  if (practice.publishedAt === undefined) return undefined;
  // A catalogue entry takes a fortnight or so to reach a ward; an adoption also needs months of data after it.
  const from = addDays(practice.publishedAt, 14);
  const to = Math.min(practice.retiredAt === undefined ? HISTORY_END : addDays(practice.retiredAt, -7), addMonths(HISTORY_END, -4));
  return to > from ? { from, to } : undefined;
}

/**
 * When one team adopts a practice: a draw from the logistic curve of its spread (Rogers' diffusion of
 * innovations: cumulative adoption follows an S-curve), truncated to the adoption window. Drawing
 * every adopter this way makes the national spread curves S-shaped, as SPEC's spread views expect.
 */
export function adoptionInstant(random: Random, practice: PracticeTimeline): Instant | undefined {
  const window = adoptionWindow(practice);
  if (window === undefined || practice.publishedAt === undefined) return undefined;
  const midpoint = addMonths(practice.publishedAt, practice.template.midpointMonths);
  const scale = addMonths(0, practice.template.scaleMonths);
  const cumulative = (at: Instant) => 1 / (1 + Math.exp(-(at - midpoint) / scale));
  const u = random.between(cumulative(window.from), cumulative(window.to));
  const at = midpoint + scale * Math.log(u / (1 - u));
  return Math.min(window.to, Math.max(window.from, at));
}
