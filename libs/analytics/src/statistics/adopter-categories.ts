import { describe } from './descriptive';

/** Rogers' five adopter categories, earliest first. */
export const ADOPTER_CATEGORIES = ['innovators', 'earlyAdopters', 'earlyMajority', 'lateMajority', 'laggards'] as const;
export type AdopterCategory = (typeof ADOPTER_CATEGORIES)[number];

/**
 * Rogers' categories by the standardised time of adoption (Rogers EM, Diffusion of Innovations,
 * 5th ed., Free Press, 2003, ch. 7, "Adopter categorization on the basis of innovativeness"):
 * innovators before x̄ − 2sd, early adopters from x̄ − 2sd to x̄ − sd, early majority from x̄ − sd to
 * x̄, late majority from x̄ to x̄ + sd, laggards after x̄ + sd. Rogers leaves the boundaries
 * themselves open; here a z exactly on one falls in the later category, except z = +1, which stays
 * in the late majority so that laggards are strictly beyond one sd as he draws them.
 */
export function categoryOf(z: number): AdopterCategory {
  if (z < -2) return 'innovators';
  if (z < -1) return 'earlyAdopters';
  if (z < 0) return 'earlyMajority';
  if (z <= 1) return 'lateMajority';
  return 'laggards';
}

export type AdopterCategoryCounts = Readonly<Record<AdopterCategory, number>>;

export type AdopterCategorisation =
  | {
      readonly categorised: true;
      readonly n: number;
      /** Mean and population sd of the adoption times the z-scores use. */
      readonly mean: number;
      readonly sd: number;
      readonly counts: AdopterCategoryCounts;
      /** The category of each adopter, in the order given. */
      readonly categories: readonly AdopterCategory[];
    }
  | { readonly categorised: false; readonly n: number; readonly reason: string };

/** The fewest adopters whose times can be standardised: one has no spread. */
export const MIN_ADOPTERS_FOR_CATEGORIES = 2;

/**
 * Categorises adopters by their adoption times (any unit, e.g. days since publication). The sd is
 * the population sd: the adopters so far are the whole set being described.
 */
export function adopterCategories(times: readonly number[]): AdopterCategorisation {
  const { n, mean, sd } = describe(times);
  if (n < MIN_ADOPTERS_FOR_CATEGORIES || mean === null || sd === null) {
    return { categorised: false, n, reason: `needs at least ${MIN_ADOPTERS_FOR_CATEGORIES} adopters, has ${n}` };
  }
  if (sd === 0) return { categorised: false, n, reason: 'every adopter adopted at the same time: no spread to standardise' };
  const categories = times.map((time) => categoryOf((time - mean) / sd));
  const counts = Object.fromEntries(ADOPTER_CATEGORIES.map((category) => [category, 0])) as Record<AdopterCategory, number>;
  for (const category of categories) counts[category] += 1;
  return { categorised: true, n, mean, sd, counts, categories };
}
