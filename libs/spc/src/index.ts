export * from './spc-types';
export { SpcInputError, type SpcInputProblem } from './spc-input';
export {
  LIMIT_FACTOR,
  NEAR_LIMIT_FACTOR,
  SCREENING_FACTOR,
  TRIAL_BELOW_POINTS,
  BASELINE_POINTS,
  MIN_POINTS_FOR_LIMITS,
  movingRanges,
  xmrLimits,
  positionOf,
  type PointPosition,
} from './xmr-limits';
export { RUN_LENGTH, astronomicalRuns, trendRuns, shiftRuns, twoInThreeRuns, type RuleRun } from './special-cause-rules';
export { assuranceOf } from './assurance';
export { suggestRebase } from './rebase';
export { xmrChart } from './chart';
export { spcChart } from './spc-chart';
export { chartChoice, sampleSkewness, MIN_BASELINE_FOR_LIMITS, HIGH_SKEWNESS, type ChartChoice } from './chart-choice';
export { runsAnalysis, longestRunLimit, crossingsLimit, binomialHalfQuantile, median, type RunsAnalysis } from './anhoej-rules';
export { gainsFrom, SUSTAINED_POINTS } from './gains';
