import { addDays, endOfMonth, monthOf, periodOf, type Instant, type MonthIndex } from './calendar';
import { valueAt } from './measurement-series';
import type { Random } from './prng';
import type { SpiralTimeline } from './spiral-timeline';

/** One RecordMeasurements command: when the team sent it, and the months it covers. */
export interface MeasurementBatch {
  readonly at: Instant;
  readonly months: readonly MonthIndex[];
}

const range = (from: MonthIndex, to: MonthIndex) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** The next quarter's last month (March, June, September, December) on or after `month`. */
function quarterEnd(month: MonthIndex): MonthIndex {
  return month + ((2 - (month % 3) + 3) % 3);
}

/**
 * When a spiral's points reach Spiral: the months before recognition in one batch (the data the team
 * already had), then a return a few weeks after each quarter ends, as teams sent their figures; once
 * the change has run a year, a return every half year (monitoring a routine takes less effort); and
 * a last one when the team stops (it closes, stalls, or the SHAs' history ends). Every point is
 * monthly (`YYYY-MM-01`) and reported only after its month has ended.
 */
export function measurementBatches(random: Random, spiral: SpiralTimeline): MeasurementBatch[] {
  const recognisedMonth = monthOf(spiral.recognisedAt);
  const batches: MeasurementBatch[] = [];
  if (spiral.historyMonths > 0) {
    batches.push({ at: addDays(spiral.recognisedAt, random.int(1, 10)), months: range(recognisedMonth - spiral.historyMonths, recognisedMonth - 1) });
  }
  // A day before the team stops, so a closing spiral's last return comes before its close.
  const until = addDays(spiral.recordUntil, -1);
  const routineFrom = spiral.adoptedAt === undefined ? Number.POSITIVE_INFINITY : monthOf(spiral.adoptedAt) + 12;
  let next = recognisedMonth;
  for (let quarter = quarterEnd(recognisedMonth); ; quarter += 3) {
    // In the routine, only June and December returns.
    if (quarter >= routineFrom && quarter % 6 !== 5) continue;
    const at = addDays(endOfMonth(quarter), random.int(5, 25));
    if (at > until) break;
    batches.push({ at, months: range(next, quarter) });
    next = quarter + 1;
  }
  const lastEnded = monthOf(until) - 1;
  if (lastEnded >= next && until > endOfMonth(lastEnded)) batches.push({ at: until, months: range(next, lastEnded) });
  return batches;
}

/** The points of a batch, from the spiral's series. */
export function pointsOf(spiral: SpiralTimeline, batch: MeasurementBatch): { period: string; value: number }[] {
  return batch.months.map((month) => ({ period: periodOf(month), value: valueAt(spiral.series, month) }));
}
