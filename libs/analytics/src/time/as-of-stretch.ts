import { instantOf } from './instant';

/**
 * The instants a figure compares asOf with (`isAtOrBefore(instant, asOf)`), parsed, ascending. An
 * instant that does not parse is never at or before anything, so it is left out.
 */
export function comparedInstants(instants: readonly string[]): number[] {
  return instants
    .map((instant) => instantOf(instant))
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
}

/**
 * Which stretch of time asOf falls in: how many of the instants are at or before it. Two moments
 * in the same stretch see the same instants before them, so a figure that depends on asOf only
 * through those comparisons is the same at both. Undefined when asOf does not parse.
 */
export function stretchOf(instants: readonly number[], asOf: string): number | undefined {
  const moment = instantOf(asOf);
  if (Number.isNaN(moment)) return undefined;
  let [low, high] = [0, instants.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (instants[middle]! <= moment) low = middle + 1;
    else high = middle;
  }
  return low;
}
