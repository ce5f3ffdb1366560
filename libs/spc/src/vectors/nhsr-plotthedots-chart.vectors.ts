import { daily, rep, type AssuranceVector, type ChartVector } from './vector-types';

/** nhs-r-community/NHSRplotthedots: whole-chart facts and assurance, copied as published. */
const repo = 'nhs-r-community/NHSRplotthedots';

/** The published cases need only a count of points: 1, 2, 1, 2, … */
const oneTwo = (count: number): number[] => rep(0, count).map((_, k) => (k % 2 === 0 ? 1 : 2));

/** A symmetrical series 1, −1, … with 5.5 and −5.5 last: two points near opposite limits. */
const symmetrical = [...rep(0, 7).flatMap(() => [1, -1]), 5.5, -5.5];

export const nhsrChartVectors: ChartVector[] = [
  {
    kind: 'chart',
    source: {
      repo,
      file: 'tests/testthat/test-ptd_spc_standard.R',
      test: 'it only reports special cause for 2of3 points close to limits when they are on the same side of the mean',
      note: 'Published with NHSRplotthedots\' default screen_outliers = TRUE; unscreened (MDC, Spiral\'s default) the two points are still common cause (5.5 is in the near band either way).',
    },
    input: { points: daily(symmetrical, '2020-01-02'), improvement: 'increase' },
    expected: { types: ['common', 'common'], typesFrom: 14 },
  },
  ...[11, 12].map(
    (count): ChartVector => ({
      kind: 'chart',
      source: {
        repo,
        file: 'tests/testthat/test-ptd_add_short_group_warnings.R',
        test: count === 11 ? 'it warns when a group is shorter than the warning_threshold' : 'it does not warn when a group is equal to the warning_threshold',
      },
      input: { points: daily(oneTwo(count), '2020-01-01'), improvement: 'increase' },
      expected: { trial: count < 12 },
    }),
  ),
  {
    kind: 'chart',
    source: { repo, file: 'tests/testthat/test-ptd_add_short_group_warnings.R', test: 'it handles facets and rebase groups - no warnings' },
    input: { points: daily(oneTwo(40), '2020-01-01'), improvement: 'increase', rebases: ['2020-01-21'] },
    expected: { groups: [...rep(0, 20), ...rep(1, 20)], groupTrials: [false, false] },
  },
  {
    kind: 'chart',
    source: {
      repo,
      file: 'tests/testthat/test-ptd_add_short_group_warnings.R',
      test: 'it handles facets and rebase groups - warning on one facet',
      note: 'Facet "a" of the published case: groups of 35 and 5 points.',
    },
    input: { points: daily(oneTwo(40), '2020-01-01'), improvement: 'increase', rebases: ['2020-02-05'] },
    expected: { groups: [...rep(0, 35), ...rep(1, 5)], groupTrials: [false, true] },
  },
  {
    kind: 'chart',
    source: { repo, file: 'tests/testthat/test-ptd_spc_standard.R', test: 'it sets the rebase_group field' },
    input: { points: daily(rep(0, 20).map((_, k) => k), '2020-01-02'), improvement: 'increase', rebases: ['2020-01-12'] },
    expected: { groups: [...rep(0, 10), ...rep(1, 10)] },
  },
  {
    kind: 'chart',
    source: {
      repo,
      file: 'tests/testthat/test-ptd_add_rebase_column.R',
      test: 'it correctly sets rebase column when a date vector is passed',
      note: 'Published as the rebase column c(0,1,0,0,0,0,1,0,0,0); its cumulative sum is the group.',
    },
    input: { points: daily(rep(0, 10).map((_, k) => k), '2020-01-02'), improvement: 'increase', rebases: ['2020-01-03', '2020-01-08'] },
    expected: { groups: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2] },
  },
];

const assuranceFile = 'tests/testthat/test-ptd_calculate_assurance_type.R';
/** Facets a, b, c of the published data frame: (lpl, upl) = (1, 3), (5, 7), (1, 5), target 4. */
const facets = [
  { lowerLimit: 1, upperLimit: 3 },
  { lowerLimit: 5, upperLimit: 7 },
  { lowerLimit: 1, upperLimit: 5 },
];
const byDirection = (improvement: 'increase' | 'decrease' | 'neutral', expected: (AssuranceVector['expected'])[]): AssuranceVector[] =>
  facets.map((limits, k) => ({
    kind: 'assurance',
    source: { repo, file: assuranceFile, test: `it returns correct values for assurance when improvement_direction is ${improvement}` },
    ...limits,
    target: 4,
    improvement,
    expected: expected[k],
  }));

export const nhsrAssuranceVectors: AssuranceVector[] = [
  {
    kind: 'assurance',
    source: { repo, file: assuranceFile, test: "it returns a column of NA's if there is no target" },
    lowerLimit: 1,
    upperLimit: 3,
    improvement: 'increase',
    expected: undefined,
  },
  // Published as consistent_fail / consistent_pass / inconsistent.
  ...byDirection('increase', ['fail', 'pass', 'hitAndMiss']),
  ...byDirection('decrease', ['pass', 'fail', 'hitAndMiss']),
  ...byDirection('neutral', [undefined, undefined, undefined]),
];
