import { adopterCategories, bassDiffusion, DAY_MS, daysBetween, earlierOf, isAtOrBefore, monthsBetween, type AdopterCategorisation, type BassDiffusion, type TeamAdoption } from '@spiral/analytics';
import { adoptionsOf } from '@spiral/projections';
import type { AdopterCategoriesFigure } from './national-view';
import type { PracticeDocument } from './practice-document';

/** The practice's adopting teams by asOf, in order of adoption. */
export function adoptionsBy(practice: PracticeDocument, asOf: string): TeamAdoption[] {
  return adoptionsOf(practice.adopters).filter((adoption) => isAtOrBefore(adoption.at, asOf));
}

/**
 * Rogers' categories need only the spread of adoption times, so they are standardised on the
 * instants themselves (in days); the mean is reported as days from publication when there is one.
 */
export function categorisation(adoptions: readonly TeamAdoption[]): AdopterCategorisation {
  return adopterCategories(adoptions.map((adoption) => Date.parse(adoption.at) / DAY_MS));
}

export function categoriesFigure(practice: PracticeDocument, result: AdopterCategorisation): AdopterCategoriesFigure {
  if (!result.categorised) return result;
  const origin = practice.publishedAt === null ? 0 : Date.parse(practice.publishedAt) / DAY_MS;
  return { categorised: true, n: result.n, meanDays: result.mean - origin, sdDays: result.sd, counts: result.counts };
}

/** Days from publication to an adoption; 0 for one dated before (history entered late). */
export function daysFromPublication(practice: PracticeDocument, at: string): number | null {
  return practice.publishedAt === null ? null : Math.max(0, daysBetween(practice.publishedAt, at));
}

/**
 * Bass on months from publication, followed to asOf or retirement. m is capped at the teams that
 * could adopt: no more teams can adopt than there are.
 */
export function diffusionOf(practice: PracticeDocument, adoptions: readonly TeamAdoption[], asOf: string, teamsRegistered: number): BassDiffusion {
  const { publishedAt } = practice;
  if (publishedAt === null || !isAtOrBefore(publishedAt, asOf)) {
    return { fitted: false, reason: 'the practice was not published by then', adopters: adoptions.length, monthsWithAdoptions: 0 };
  }
  const until = practice.retiredAt === null ? asOf : earlierOf(asOf, practice.retiredAt);
  const months = adoptions.map((adoption) => Math.max(0, monthsBetween(publishedAt, adoption.at)));
  return bassDiffusion(months, monthsBetween(publishedAt, until), Math.max(teamsRegistered, adoptions.length));
}
