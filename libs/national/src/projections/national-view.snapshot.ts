import { addCalendarMonths, comparedInstants, type TeamAdoption } from '@spiral/analytics';
import type { FieldTestDocument } from './field-test-document';
import type { NationalRegionDocument } from './national-region-document';
import type { NationalView, PracticeFigures, RegionalVariation } from './national-view';
import { adoptionsBy } from './practice-adoptions';
import type { Practice } from './practice';
import { practiceFigures, practiceTimeToAdopt } from './practice-figures';
import { regionalVariation, teamsRegisteredBy } from './regional-variation';

/** The national view's documents as read at one change stamp, with what does not depend on asOf. */
export interface NationalDocuments {
  /** The practices the catalogue has proposed, in stored (id) order. */
  readonly practices: readonly Practice[];
  readonly fieldTests: readonly FieldTestDocument[];
  readonly regions: readonly NationalRegionDocument[];
  readonly variation: RegionalVariation;
  /**
   * Every instant a figure compares asOf with (`isAtOrBefore(instant, asOf)`), in epoch ms,
   * ascending: two moments with as many of these at or before them see the same facts.
   */
  readonly instants: readonly number[];
}

/** The figures judged at one asOf: all but time to adopt hold for every asOf in the same stretch. */
export interface JudgedFigures {
  readonly teamsRegistered: number;
  readonly practices: readonly { readonly practice: Practice; readonly adoptions: readonly TeamAdoption[]; readonly figures: PracticeFigures }[];
}

const HORIZON_MONTHS = [6, 12]; // gainSustainability's horizons

function instantsCompared(practices: readonly Practice[], fieldTests: readonly FieldTestDocument[], regions: readonly NationalRegionDocument[]): number[] {
  const instants: string[] = [];
  for (const practice of practices) {
    for (const at of [practice.publishedAt, practice.retiredAt]) if (at !== null) instants.push(at);
    instants.push(...Object.values(practice.adopters).map((adopter) => adopter.at));
    for (const episode of Object.values(practice.gains).flat()) {
      instants.push(episode.achievedAt);
      if (!Number.isNaN(Date.parse(episode.achievedAt))) instants.push(...HORIZON_MONTHS.map((months) => addCalendarMonths(episode.achievedAt, months)));
    }
  }
  for (const test of fieldTests) instants.push(test.startedAt, ...(test.concludedAt === null ? [] : [test.concludedAt]));
  for (const region of regions) instants.push(...region.registrations);
  return comparedInstants(instants);
}

export function nationalDocuments(practices: readonly Practice[], fieldTests: readonly FieldTestDocument[], regions: readonly NationalRegionDocument[]): NationalDocuments {
  const proposed = practices.filter((practice) => practice.status !== 'unknown');
  return { practices: proposed, fieldTests, regions, variation: regionalVariation(regions), instants: instantsCompared(proposed, fieldTests, regions) };
}

export function judgedAt(documents: NationalDocuments, asOf: string): JudgedFigures {
  const teamsRegistered = teamsRegisteredBy(documents.regions, asOf);
  const { fieldTests } = documents;
  return {
    teamsRegistered,
    practices: documents.practices.map((practice) => ({
      practice,
      adoptions: adoptionsBy(practice, asOf),
      figures: practiceFigures(practice, { asOf, teamsRegistered, fieldTests }),
    })),
  };
}

/** The national view at asOf from figures judged in its stretch, time to adopt taken at asOf itself. */
export function nationalViewAt(documents: NationalDocuments, judged: JudgedFigures, asOf: string): NationalView {
  const { teamsRegistered } = judged;
  return {
    asOf,
    teamsRegistered,
    practices: judged.practices.map(({ practice, adoptions, figures }) => ({
      ...figures,
      timeToAdopt: practiceTimeToAdopt(practice, adoptions, { asOf, teamsRegistered }),
    })),
    variation: documents.variation,
  };
}
