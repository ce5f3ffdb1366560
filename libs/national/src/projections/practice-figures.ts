import { cumulativeSpread, gainSustainability, isAtOrBefore, monthOf, spreadTotals, timeToAdopt, type TeamAdoption, type TimeToAdopt } from '@spiral/analytics';
import type { FieldTestDocument } from './field-test-document';
import type { FieldTestSummary, PracticeFigures } from './national-view';
import { adoptionsBy, categorisation, categoriesFigure } from './practice-adoptions';
import type { Practice } from './practice';
import type { PracticeDocument } from './practice-document';
import { practiceImpact } from './practice-impact';

export interface PracticeContext {
  readonly asOf: string;
  readonly teamsRegistered: number;
  readonly fieldTests: readonly FieldTestDocument[];
}

function fieldTestSummaries(practiceId: string, tests: readonly FieldTestDocument[], asOf: string): FieldTestSummary[] {
  return tests
    .filter((test) => test.practiceId === practiceId && isAtOrBefore(test.startedAt, asOf))
    .map((test) => {
      const concluded = test.concludedAt !== null && isAtOrBefore(test.concludedAt, asOf);
      return {
        fieldTestId: test.fieldTestId,
        sites: test.sites,
        reports: test.reports.length,
        startedAt: test.startedAt,
        verdict: concluded ? test.verdict : null,
        effectSize: concluded ? test.effectSize : null,
        effectScale: concluded ? test.effectScale : null,
        concludedAt: concluded ? test.concludedAt : null,
      };
    });
}

/** Time to adopt: the one figure that moves with asOf itself rather than with which facts precede it. */
export function practiceTimeToAdopt(practice: PracticeDocument, adoptions: readonly TeamAdoption[], context: Pick<PracticeContext, 'asOf' | 'teamsRegistered'>): TimeToAdopt {
  const { asOf, teamsRegistered } = context;
  return timeToAdopt({ publishedAt: practice.publishedAt, retiredAt: practice.retiredAt, asOf, adoptedAt: adoptions.map((adoption) => adoption.at), teamsRegistered });
}

/** Every figure of one practice, from its document, judged at asOf. */
export function practiceFigures(practice: Practice, context: PracticeContext): PracticeFigures {
  const { asOf, teamsRegistered } = context;
  const adoptions = adoptionsBy(practice, asOf);
  const from = practice.publishedAt === null ? undefined : monthOf(practice.publishedAt);
  const episodes = Object.values(practice.gains).flat();
  return {
    practiceId: practice.practiceId,
    title: practice.title,
    status: practice.status,
    evidenceLevel: practice.evidenceLevel,
    version: practice.version,
    publishedAt: practice.publishedAt,
    retiredAt: practice.retiredAt,
    targetMeasures: practice.targetMeasures,
    spread: { ...spreadTotals(adoptions), byMonth: adoptions.length === 0 ? [] : cumulativeSpread(adoptions, from === undefined ? {} : { from }) },
    timeToAdopt: practiceTimeToAdopt(practice, adoptions, { asOf, teamsRegistered }),
    adopterCategories: categoriesFigure(practice, categorisation(adoptions)),
    fieldTests: fieldTestSummaries(practice.practiceId, context.fieldTests, asOf),
    impact: practiceImpact(practice, asOf),
    sustainability: gainSustainability(episodes, asOf),
  };
}
