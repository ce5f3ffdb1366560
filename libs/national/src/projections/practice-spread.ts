import { cumulativeSpread, monthOf, spreadByRegion, spreadTotals } from '@spiral/analytics';
import type { PracticeSpread } from './national-view';
import { adoptionsBy, categorisation, categoriesFigure, daysFromPublication, diffusionOf } from './practice-adoptions';
import type { PracticeDocument } from './practice-document';

export interface SpreadOptions {
  readonly asOf: string;
  readonly teamsRegistered: number;
  /** List only this region's adopters (a regional reader); every figure still counts them all. */
  readonly onlyRegion?: string;
}

/**
 * One practice's spread by month and by region, with its adopters in order of adoption and
 * each one's Rogers category. Months run from publication to the last adoption.
 */
export function practiceSpread(practice: PracticeDocument, options: SpreadOptions): PracticeSpread {
  const { asOf, teamsRegistered, onlyRegion } = options;
  const adoptions = adoptionsBy(practice, asOf);
  const range = practice.publishedAt === null || adoptions.length === 0 ? {} : { from: monthOf(practice.publishedAt) };
  const categories = categorisation(adoptions);
  const adopters = adoptions
    .map((adoption, index) => ({
      order: index + 1,
      teamId: adoption.teamId,
      orgCode: adoption.orgCode,
      shaCode: adoption.shaCode,
      adoptedAt: adoption.at,
      daysFromPublication: daysFromPublication(practice, adoption.at),
      category: categories.categorised ? categories.categories[index]! : null,
    }))
    .filter((adopter) => onlyRegion === undefined || adopter.shaCode === onlyRegion);
  return {
    practiceId: practice.practiceId,
    title: practice.title,
    status: practice.status,
    publishedAt: practice.publishedAt,
    asOf,
    totals: spreadTotals(adoptions),
    byMonth: cumulativeSpread(adoptions, range),
    byRegion: spreadByRegion(adoptions, range),
    adopterCategories: categoriesFigure(practice, categories),
    diffusion: diffusionOf(practice, adoptions, asOf, teamsRegistered),
    adopters,
  };
}
