import { addCalendarMonths, comparedInstants, type GainEpisode, type TeamAdoption } from '@spiral/analytics';
import type { SpiralSummary, TeamIndex } from '@spiral/projections';
import type { FieldTestDocument } from './field-test-document';
import type { NationalRegionDocument } from './national-region-document';
import type { NationalView, PracticeFigures, RegionalVariation } from './national-view';
import { adoptionsBy } from './practice-adoptions';
import { practicesOf, type Practice } from './practice';
import { practiceDocumentAsOf, practiceSpiralAsOf } from './practice-as-of';
import type { PracticeDocument } from './practice-document';
import { practiceFigures, practiceTimeToAdopt } from './practice-figures';
import type { PracticeSpiralDocument } from './practice-spiral-document';
import { regionalVariation, regionsAsOf, teamsRegisteredBy } from './regional-variation';

/** The national view's documents as read at one change stamp, with the instants its figures compare asOf with. */
export interface NationalDocuments {
  /** Every practice document, in stored (id) order. */
  readonly practices: readonly PracticeDocument[];
  readonly practiceSpirals: readonly PracticeSpiralDocument[];
  readonly fieldTests: readonly FieldTestDocument[];
  readonly regions: readonly NationalRegionDocument[];
  /** Spiral summaries and the team index: the regions' penetration as of a moment. */
  readonly spirals: readonly SpiralSummary[];
  readonly teams: readonly TeamIndex[];
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
  readonly variation: RegionalVariation;
}

const HORIZON_MONTHS = [6, 12]; // gainSustainability's horizons

/**
 * Each instant once (a Set), and each list of gains read once: only which stretch asOf falls in
 * matters, and an adopting spiral's history keeps its gains after each of its events, so each
 * gain's instants and its two horizons came once per measurement after it. Profiled on the default
 * seed, listing and parsing every occurrence was two fifths of an evaluation's reading of its moments.
 */
function instantsCompared(documents: Omit<NationalDocuments, 'instants'>): number[] {
  const instants = new Set<string>();
  const add = (at: string | null) => {
    if (at !== null) instants.add(at);
  };
  const achieved = new Set<string>();
  // A history entry keeps gains only where they changed (practiceSpiralAfter); a held document's entry shares its list.
  const gainLists = new Set<readonly GainEpisode[]>();
  for (const practice of documents.practices) {
    for (const at of [practice.proposedAt, practice.publishedAt, practice.retiredAt]) add(at);
    for (const adopter of Object.values(practice.adopters)) add(adopter.at);
    for (const revision of practice.history ?? []) add(revision.at);
  }
  for (const entry of documents.practiceSpirals) {
    for (const state of [entry, ...(entry.history ?? [])]) {
      if (state.gains === undefined || gainLists.has(state.gains)) continue;
      gainLists.add(state.gains);
      for (const episode of state.gains) {
        [episode.achievedAt, episode.sustainedAt, episode.lostAt].forEach(add);
        if (achieved.has(episode.achievedAt)) continue;
        achieved.add(episode.achievedAt);
        if (!Number.isNaN(Date.parse(episode.achievedAt))) for (const months of HORIZON_MONTHS) add(addCalendarMonths(episode.achievedAt, months));
      }
    }
    for (const change of entry.history ?? []) add(change.at);
  }
  for (const test of documents.fieldTests) [test.startedAt, test.concludedAt].forEach(add);
  for (const region of documents.regions) region.registrations.forEach(add);
  for (const team of documents.teams) add(team.registeredAt);
  for (const spiral of documents.spirals) {
    add(spiral.recognisedAt);
    for (const entry of spiral.steps ?? []) add(entry.at);
  }
  return comparedInstants([...instants]);
}

export function nationalDocuments(documents: Omit<NationalDocuments, 'instants'>): NationalDocuments {
  return { ...documents, instants: instantsCompared(documents) };
}

/** The practices the catalogue had proposed by asOf, each as it stood then with its adopting spirals' gains and impact. */
export function practicesAsOf(documents: NationalDocuments, asOf: string): Practice[] {
  const practices = documents.practices.map((practice) => practiceDocumentAsOf(practice, asOf)).filter((practice) => practice.status !== 'unknown');
  return practicesOf(practices, documents.practiceSpirals.flatMap((entry) => practiceSpiralAsOf(entry, asOf) ?? []));
}

export function judgedAt(documents: NationalDocuments, asOf: string): JudgedFigures {
  const teamsRegistered = teamsRegisteredBy(documents.regions, asOf);
  const { fieldTests } = documents;
  return {
    teamsRegistered,
    practices: practicesAsOf(documents, asOf).map((practice) => ({
      practice,
      adoptions: adoptionsBy(practice, asOf),
      figures: practiceFigures(practice, { asOf, teamsRegistered, fieldTests }),
    })),
    variation: regionalVariation(regionsAsOf(documents.regions, documents, asOf)),
  };
}

/** The national view at asOf from figures judged in its stretch, time to adopt taken at asOf itself. */
export function nationalViewAt(judged: JudgedFigures, asOf: string): NationalView {
  const { teamsRegistered } = judged;
  return {
    asOf,
    teamsRegistered,
    practices: judged.practices.map(({ practice, adoptions, figures }) => ({
      ...figures,
      timeToAdopt: practiceTimeToAdopt(practice, adoptions, { asOf, teamsRegistered }),
    })),
    variation: judged.variation,
  };
}
