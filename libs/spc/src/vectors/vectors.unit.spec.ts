import { assuranceOf } from '../assurance';
import { xmrChart } from '../chart';
import { gainsFrom } from '../gains';
import { pointFlags } from '../point-types';
import { astronomicalRuns, shiftRuns, trendRuns, twoInThreeRuns, RUN_LENGTH, type RuleRun } from '../special-cause-rules';
import type { XmrLimits } from '../spc-types';
import { positionOf, xmrLimits, type PointPosition } from '../xmr-limits';
import { spcVectors, type SpcVector } from './index';
import type { ChartVector, TwoInThreeVector } from './vector-types';

/** ±1 for every point a run flags (a later run wins a shared point), 0 elsewhere. */
const signedFlags = (runs: RuleRun[], count: number): number[] =>
  pointFlags(runs, count).map((flag) => (flag === null ? 0 : flag.direction === 'up' ? 1 : -1));

/** Where the last `length` points complete a run: ±1 (or 1 when unsigned) from start + length − 1 to end. */
const markers = (runs: RuleRun[], count: number, length: number, signed: boolean): number[] => {
  const out = Array.from({ length: count }, () => 0);
  for (const run of runs) {
    for (let k = run.start + length - 1; k <= run.end; k += 1) out[k] = signed && run.direction === 'down' ? -1 : 1;
  }
  return out;
};

/** Limits with the centre line midway between two lines at `sigmas` sigma. */
const limitsBetween = (lower: number, upper: number, sigmas: number): XmrLimits => {
  const mean = (lower + upper) / 2;
  const sigma = (upper - mean) / sigmas;
  return { mean, averageMovingRange: 0, lowerLimit: mean - 3 * sigma, upperLimit: mean + 3 * sigma, nearLowerLimit: mean - 2 * sigma, nearUpperLimit: mean + 2 * sigma };
};

const twoInThreePositions = (vector: TwoInThreeVector): PointPosition[] => {
  if (vector.values && vector.twoSigma) {
    const limits = limitsBetween(vector.twoSigma.lower, vector.twoSigma.upper, 2);
    return vector.values.map((value) => positionOf(value, limits));
  }
  return (vector.sides ?? []).map((side, k) => ({ side: Math.sign(side) as -1 | 0 | 1, beyond: false, nearBand: vector.nearBand![k] === 1 }));
};

function checkChart(vector: ChartVector): void {
  const chart = xmrChart(vector.input);
  const { expected } = vector;
  const digits = vector.digits ?? 6;
  if (expected.mean !== undefined) expect(chart.mean).toBeCloseTo(expected.mean, digits);
  if (expected.lowerLimit !== undefined) expect(chart.lowerLimit).toBeCloseTo(expected.lowerLimit, digits);
  if (expected.upperLimit !== undefined) expect(chart.upperLimit).toBeCloseTo(expected.upperLimit, digits);
  if (expected.trial !== undefined) expect(chart.trial).toBe(expected.trial);
  if (expected.types) expect(chart.points.slice(expected.typesFrom ?? 0).map((point) => point.type)).toEqual(expected.types);
  if (expected.groups) expect(chart.points.map((point) => point.group)).toEqual(expected.groups);
  if (expected.groupTrials) expect(chart.groups.map((group) => group.trial)).toEqual(expected.groupTrials);
  if (expected.signals) expect(chart.signals).toEqual(expected.signals);
  if (expected.assurance !== undefined) expect(chart.assurance ?? null).toBe(expected.assurance);
  if (expected.suggestedRebaseFrom !== undefined) expect(chart.suggestedRebase?.fromPeriod ?? null).toBe(expected.suggestedRebaseFrom);
}

function check(vector: SpcVector): void {
  switch (vector.kind) {
    case 'limits': {
      const limits = xmrLimits(vector.values, vector.screenMovingRangeOutliers);
      for (const [field, value] of Object.entries(vector.expected)) {
        expect(limits?.[field as keyof XmrLimits]).toBeCloseTo(value, vector.digits);
      }
      return;
    }
    case 'trend': {
      const length = vector.length ?? RUN_LENGTH;
      const runs = trendRuns(vector.values, length);
      if (vector.expected.markers) expect(markers(runs, vector.values.length, length, true)).toEqual(vector.expected.markers);
      if (vector.expected.flags) expect(signedFlags(runs, vector.values.length)).toEqual(vector.expected.flags);
      return;
    }
    case 'shift': {
      const length = vector.length ?? RUN_LENGTH;
      const sides = vector.sides ?? (vector.values ?? []).map((value, k) => Math.sign(value - vector.centre![k]!));
      const runs = shiftRuns(sides, length);
      if (vector.expected.markers) expect(markers(runs, sides.length, length, false)).toEqual(vector.expected.markers);
      if (vector.expected.flags) expect(signedFlags(runs, sides.length)).toEqual(vector.expected.flags);
      return;
    }
    case 'twoInThree': {
      const positions = twoInThreePositions(vector);
      const runs = twoInThreeRuns(positions);
      const windows = positions.map((_, k) => (runs.some((run) => run.start <= k && k <= run.end) ? 1 : 0));
      if (vector.expected.windows) expect(windows).toEqual(vector.expected.windows);
      if (vector.expected.flagged) expect(signedFlags(runs, positions.length).map(Math.abs)).toEqual(vector.expected.flagged);
      if (vector.expected.flags) expect(signedFlags(runs, positions.length)).toEqual(vector.expected.flags);
      return;
    }
    case 'astronomical': {
      const limits = limitsBetween(vector.lowerLimit, vector.upperLimit, 3);
      const runs = astronomicalRuns(vector.values.map((value) => positionOf(value, limits)));
      expect(signedFlags(runs, vector.values.length)).toEqual(vector.expected.flags);
      return;
    }
    case 'assurance':
      expect(assuranceOf(vector, vector.target, vector.improvement)).toBe(vector.expected);
      return;
    case 'chart':
      checkChart(vector);
      return;
    case 'gains':
      expect(gainsFrom(vector.input)).toEqual(vector.expected);
      return;
    default: {
      const unknown: never = vector;
      throw new Error(`unknown vector ${JSON.stringify(unknown)}`);
    }
  }
}

describe('SPC test vectors', () => {
  it.each(spcVectors.map((vector) => [`${vector.kind}: ${vector.source.repo} ${vector.source.file} — ${vector.source.test}`, vector] as const))(
    '%s',
    (_name, vector) => check(vector),
  );

  it('has at least 30 cases, every one naming its source', () => {
    expect(spcVectors.length).toBeGreaterThanOrEqual(30);
    for (const vector of spcVectors) expect(vector.source.test.length).toBeGreaterThan(0);
  });
});
