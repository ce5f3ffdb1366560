import type { Assurance, Improvement } from './spc-types';

/**
 * MDC assurance ("Making Data Count: Strengthening your decisions"): a target outside the process
 * limits is either consistently met or consistently missed by the process as it stands; a target
 * between them is hit and miss. As NHSRplotthedots' ptd_calculate_assurance_type and PowerBI-SPC's
 * assuranceIconToDraw compute it: against the current (last) group's limits, strictly outside
 * (a target exactly on a limit is hit and miss), and no assurance without a target or a direction.
 */
export function assuranceOf(
  limits: { lowerLimit: number; upperLimit: number } | null,
  target: number | undefined,
  improvement: Improvement,
): Assurance | undefined {
  if (target === undefined || limits === null) return undefined;
  switch (improvement) {
    case 'neutral':
      return undefined;
    case 'increase':
      return target < limits.lowerLimit ? 'pass' : target > limits.upperLimit ? 'fail' : 'hitAndMiss';
    case 'decrease':
      return target > limits.upperLimit ? 'pass' : target < limits.lowerLimit ? 'fail' : 'hitAndMiss';
    default: {
      const unknown: never = improvement;
      return unknown;
    }
  }
}
