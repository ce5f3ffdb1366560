/**
 * A spiral's recorded periods as a sorted array: it serialises as it is for views, and a binary
 * search answers "is this period recorded?" without a Set that state copies would rebuild.
 */
function insertionPoint(periods: readonly string[], period: string): number {
  let low = 0;
  let high = periods.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((periods[middle] ?? '') < period) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function hasPeriod(periods: readonly string[], period: string): boolean {
  return periods[insertionPoint(periods, period)] === period;
}

/** A copy with the period added in order; points usually arrive in order, so appending is the common case. */
export function withPeriod(periods: readonly string[], period: string): readonly string[] {
  const last = periods.at(-1);
  if (last === undefined || last < period) return [...periods, period];
  const at = insertionPoint(periods, period);
  if (periods[at] === period) return periods;
  return [...periods.slice(0, at), period, ...periods.slice(at)];
}
