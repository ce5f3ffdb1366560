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
export { gainsFrom, SUSTAINED_POINTS } from './gains';
