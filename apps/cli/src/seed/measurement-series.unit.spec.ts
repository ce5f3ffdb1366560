import { afterAdoption, steadySeries, valueAt } from './measurement-series';
import { Random } from './prng';
import { MEASURES } from './reference/measure-library';

const months = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const ADOPTION = 2004 * 12 + 3;

describe('measurement series', () => {
  const template = MEASURES.dischargeBeforeNoon;
  const steady = steadySeries(Random.seeded(1).fork('series'), template, 15, 36);

  it('stays around the baseline before the change, within 0..100 for a percentage', () => {
    const before = months(ADOPTION - 24, 24).map((month) => valueAt(steady, month));
    expect(mean(before)).toBeGreaterThan(11);
    expect(mean(before)).toBeLessThan(19);
    before.forEach((value) => expect(value).toBeGreaterThanOrEqual(0));
    before.forEach((value) => expect(value).toBeLessThanOrEqual(100));
  });

  it('moves toward the target after an adoption that improves, and not after one that changes nothing', () => {
    const improved = afterAdoption(Random.seeded(2), steady, 36, ADOPTION, 'improve').series;
    const unchanged = afterAdoption(Random.seeded(2), steady, 36, ADOPTION, 'noChange').series;
    const later = months(ADOPTION + 6, 12);
    expect(mean(later.map((month) => valueAt(improved, month)))).toBeGreaterThan(26);
    expect(mean(later.map((month) => valueAt(unchanged, month)))).toBeLessThan(20);
  });

  it('drifts back after an improvement that does not hold', () => {
    const { series, driftFrom } = afterAdoption(Random.seeded(3), steady, 36, ADOPTION, 'driftBack');
    expect(driftFrom).toBeDefined();
    const drifted = months((driftFrom ?? 0) + 8, 6).map((month) => valueAt(series, month));
    expect(mean(drifted)).toBeLessThan(21);
  });

  it('keeps the values of earlier months when a later change is added (a child spiral agrees with its parent)', () => {
    const improved = afterAdoption(Random.seeded(2), steady, 36, ADOPTION, 'improve').series;
    const before = months(ADOPTION - 12, 13);
    expect(before.map((month) => valueAt(improved, month))).toEqual(before.map((month) => valueAt(steady, month)));
  });
});
