import { adopterCategories, categoryOf } from './adopter-categories';

describe('adopterCategories', () => {
  // Days from publication to adoption of 14 teams. Deviations from the mean of 120:
  // −100, −50, −20, −10, −10, 0, 0, 0, 0, +10, +10, +20, +50, +100; Σd² = 26 200; sd = √(26200/14) = 43.2600.
  const days = [20, 70, 100, 110, 110, 120, 120, 120, 120, 130, 130, 140, 170, 220];
  const result = adopterCategories(days);

  it('standardises on the mean and the population sd, by hand', () => {
    expect(result.categorised).toBe(true);
    if (!result.categorised) return;
    expect(result.mean).toBe(120);
    expect(result.sd).toBeCloseTo(43.26, 2);
  });

  it('puts each adopter in its Rogers category', () => {
    if (!result.categorised) throw new Error('not categorised');
    // z: −2.31 innovator; −1.16 early adopter; −0.46, −0.23, −0.23 early majority;
    // 0 ×4, +0.23 ×2, +0.46 late majority; +1.16 and +2.31 laggards.
    expect(result.counts).toEqual({ innovators: 1, earlyAdopters: 1, earlyMajority: 3, lateMajority: 7, laggards: 2 });
    expect(result.categories[0]).toBe('innovators');
    expect(result.categories[1]).toBe('earlyAdopters');
    expect(result.categories.at(-1)).toBe('laggards');
  });

  it('places the boundaries as documented', () => {
    expect([categoryOf(-2), categoryOf(-1), categoryOf(0), categoryOf(1), categoryOf(1.0001)]).toEqual([
      'earlyAdopters',
      'earlyMajority',
      'lateMajority',
      'lateMajority',
      'laggards',
    ]);
  });

  it('says why it cannot categorise one adopter, or adopters without spread', () => {
    expect(adopterCategories([5])).toEqual({ categorised: false, n: 1, reason: 'needs at least 2 adopters, has 1' });
    expect(adopterCategories([5, 5])).toMatchObject({ categorised: false, n: 2 });
  });
});
