import { spcChart } from '@spiral/spc';
import { sharedSpcChart, type SpcChartSource } from './spc-chart-option';

const DAY_MS = 86_400_000;
const monthly = (values: number[]) => values.map((value, k) => ({ period: new Date(Date.UTC(2004, k, 1)).toISOString().slice(0, 10), value }));
const measure = { name: 'Seen within 4 hours', unit: 'percent', improvement: 'increase' as const };

function source(values: number[], extra: Partial<SpcChartSource> = {}): SpcChartSource {
  return { title: 'A spiral', measure, target: 95, chart: spcChart({ points: monthly(values), improvement: 'increase', adoptedAt: '2004-06-15' }), gains: [], history: [], ...extra };
}

type Option = {
  title: { subtext: string };
  grid: { left: number; right: number }[];
  xAxis: { min: number; max: number; minInterval: number }[];
  series: { name: string; type: string; data: { value: [number, number]; label: { formatter: string; position: string } }[] }[];
};
const optionOf = (spiral: SpcChartSource, width = 900) => sharedSpcChart().spcChartOption(spiral, { width }) as unknown as Option;

describe('the SPC chart option', () => {
  it('gives a one-point chart a time axis at least a month wide, ticked by days at the finest, never by hours', () => {
    const [axis] = optionOf(source([90])).xAxis;
    expect(axis!.max - axis!.min).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(axis!.minInterval).toBe(DAY_MS);
  });

  it('says which chart it is and why, and draws a run chart around its median without limits', () => {
    const option = optionOf(source([90, 91, 92]));
    expect(option.title.subtext).toMatch(/A run chart: the baseline has/);
    const names = option.series.map((series) => series.name);
    expect(names).toContain('Median');
    expect(names.some((name) => name.startsWith('Process limits'))).toBe(false);
  });

  it('packs the labels of adoption, cycles, signals and gains into rows where none overlaps another', () => {
    const values = [80, 82, 81, 80, 82, 81, 90, 91, 92, 93, 94, 95, 96, 97, 98];
    const history = [
      { type: 'OptionAdopted', occurredAt: '2004-06-15T09:00:00.000Z' },
      ...['2004-06-20', '2004-06-25', '2004-07-02', '2004-07-05'].map((day) => ({ type: 'ChangeCycleCompleted', occurredAt: `${day}T09:00:00.000Z` })),
    ];
    const gains = [{ kind: 'achieved', rule: 'longestRun', periods: ['2004-07-01', '2004-08-01'] }];
    const width = 900;
    const option = optionOf(source(values, { history, gains }), width);
    const lane = option.series.find((series) => series.name === 'Annotations')!;
    const [axis] = option.xAxis;
    const msPerPx = (axis!.max - axis!.min) / (width - 140);
    // Each label's extent on the time axis, rightwards from its mark or (near the right edge) leftwards.
    const boxes = lane.data.map(({ value: [at, row], label }) => {
      const extent = (label.formatter.length * 6.2 + 16) * msPerPx;
      return label.position === 'left' ? { row, start: at - extent, end: at } : { row, start: at, end: at + extent };
    });
    // The adoption, four cycles and the gain are all placed (beside the chart's signals).
    const texts = lane.data.map(({ label }) => label.formatter);
    expect(texts).toEqual(expect.arrayContaining(['Adopted', 'Cycle 1', 'Cycle 2', 'Cycle 3', 'Cycle 4', 'Gain achieved (long run)']));
    for (const a of boxes) for (const b of boxes) if (a !== b && a.row === b.row) expect(a.end < b.start || b.end < a.start).toBe(true);
    expect(new Set(boxes.map((box) => box.row)).size).toBeGreaterThan(1);
  });
});
