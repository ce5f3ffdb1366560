import { fnv1a, mulberry32, Random } from './prng';

const draws = (random: Random, count: number) => Array.from({ length: count }, () => random.float());

describe('the seeded PRNG', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const first = mulberry32(42);
    const again = mulberry32(42);
    const other = mulberry32(43);
    const a = Array.from({ length: 5 }, first);
    expect(Array.from({ length: 5 }, again)).toEqual(a);
    expect(Array.from({ length: 5 }, other)).not.toEqual(a);
    a.forEach((value) => expect(value).toBeGreaterThanOrEqual(0));
    a.forEach((value) => expect(value).toBeLessThan(1));
  });

  it('hashes names with FNV-1a (the published test vector for "a")', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('forks streams by name, whatever the parent has drawn already', () => {
    const parent = Random.seeded(7);
    const before = draws(parent.fork('S01'), 3);
    draws(parent, 10);
    expect(draws(parent.fork('S01'), 3)).toEqual(before);
    expect(draws(parent.fork('S02'), 3)).not.toEqual(before);
  });

  it('keeps whole numbers within both bounds and samples distinct items', () => {
    const random = Random.seeded(1);
    const ints = Array.from({ length: 500 }, () => random.int(3, 10));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(10);
    const sample = random.sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(sample).size).toBe(3);
    expect(random.sample(['a', 'b'], 5)).toHaveLength(2);
  });

  it('picks by weight, never an item of weight zero', () => {
    const random = Random.seeded(3);
    const picks = Array.from({ length: 200 }, () => random.weighted([['never', 0], ['always', 1]] as const));
    expect(new Set(picks)).toEqual(new Set(['always']));
  });

  it('draws normals around their mean', () => {
    const random = Random.seeded(5);
    const values = Array.from({ length: 4000 }, () => random.normal(10, 2));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeCloseTo(10, 0);
  });
});
