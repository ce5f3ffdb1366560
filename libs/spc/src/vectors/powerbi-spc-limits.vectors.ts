import type { AssuranceVector, LimitsVector } from './vector-types';

/** AUS-DOH-Safety-and-Quality/PowerBI-SPC: the I chart's limits and the assurance icon, as published. */
const repo = 'AUS-DOH-Safety-and-Quality/PowerBI-SPC';

const numerators = [5, 7, 5, 7, 7, 5, 4, 9, 8, 13, 8, 7, 8, 7, 12, 11, 8];
const denominators = [113, 132, 121, 134, 116, 131, 93, 138, 182, 157, 100, 103, 146, 108, 153, 141, 134];

export const powerbiLimitsVectors: LimitsVector[] = [
  {
    kind: 'limits',
    source: {
      repo,
      file: 'test/Chart Types/i.test.ts',
      test: 'I Chart can be created',
      note:
        'Values are numerator / denominator. PowerBI-SPC uses 3 / 1.128 = 2.6596 where MDC rounds to 2.66: ' +
        '6e-6 apart here, inside the published 4-decimal check (toBeCloseTo(x, 4)). ' +
        'Centre line from test/fixtures/golden/i/basic-ratio.json (targets).',
    },
    values: numerators.map((numerator, k) => numerator / denominators[k]!),
    digits: 4,
    expected: { mean: 0.059297, lowerLimit: 0.0229, upperLimit: 0.0957, nearLowerLimit: 0.035, nearUpperLimit: 0.0836 },
  },
];

const file = 'test/Outlier Flagging/assuranceIconToDraw.test.ts';
/** Published as consistentPass / consistentFail / inconsistent / none; limits are (ll99, ul99). */
const assurance = (
  test: string,
  lowerLimit: number,
  upperLimit: number,
  target: number,
  improvement: AssuranceVector['improvement'],
  expected: AssuranceVector['expected'],
): AssuranceVector => ({ kind: 'assurance', source: { repo, file, test }, lowerLimit, upperLimit, target, improvement, expected });

export const powerbiAssuranceVectors: AssuranceVector[] = [
  assurance("should return 'none' when improvement direction is neutral", 0, 10, 5, 'neutral', undefined),
  assurance("increase: should return 'consistentFail' when target is above upper limit", 0, 10, 15, 'increase', 'fail'),
  assurance("increase: should return 'consistentPass' when target is below lower limit", 0, 10, -5, 'increase', 'pass'),
  assurance("increase: should return 'inconsistent' when target is within control limits", 0, 10, 5, 'increase', 'hitAndMiss'),
  assurance("decrease: should return 'consistentPass' when target is above upper limit", 0, 10, 15, 'decrease', 'pass'),
  assurance("decrease: should return 'consistentFail' when target is below lower limit", 0, 10, -5, 'decrease', 'fail'),
  assurance("decrease: should return 'inconsistent' when target is within control limits", 0, 10, 5, 'decrease', 'hitAndMiss'),
  assurance('should treat target exactly on upper limit as inconsistent', 0, 10, 10, 'increase', 'hitAndMiss'),
  assurance('should treat target exactly on lower limit as inconsistent', 0, 10, 0, 'increase', 'hitAndMiss'),
  // "uses last value": the current limits are the last ones, (0, 10), against the last target.
  assurance('should use the last value of control limits and alternative targets', 0, 10, 15, 'increase', 'fail'),
  assurance('should handle last alternative target within limits', 0, 10, 5, 'increase', 'hitAndMiss'),
  assurance('should work with negative control limits and targets', -10, 0, -15, 'increase', 'pass'),
  assurance('should handle negative target within negative control limits', -10, 0, -5, 'decrease', 'hitAndMiss'),
];
