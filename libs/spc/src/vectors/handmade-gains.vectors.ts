import type { Improvement, XmrChartInput } from '../spc-types';
import { adoptedAfterBaseline, baseline, p, ps, sevenAbove, sevenBelow, sevenRising } from './handmade-series';
import { monthly, rep, type GainsVector } from './vector-types';

/**
 * Hand-made gains (SPEC "A spiral's gain follows from its chart"): the 20-point baseline, the
 * adoption on its last period, then the points after adoption (index 20 on). Expectations by hand.
 */
const input = (afterAdoption: number[], improvement: Improvement = 'increase', extra: Partial<XmrChartInput> = {}): XmrChartInput => ({
  points: monthly([...baseline, ...afterAdoption]),
  improvement,
  adoptedAt: adoptedAfterBaseline,
  ...extra,
});
const gains = (test: string, given: XmrChartInput, expected: GainsVector['expected']): GainsVector => ({
  kind: 'gains',
  source: { repo: 'spiral (hand-made)', file: 'libs/spc/src/vectors/handmade-gains.vectors.ts', test },
  input: given,
  expected,
});
/** Twelve points just above the mean: 11.5, 11.8, … */
const twelveAbove = rep(0, 12).map((_, k) => (k % 2 === 0 ? 11.5 : 11.8));

export const handmadeGainsVectors: GainsVector[] = [
  gains('none: common cause only after adoption', input([10, 12, 10, 12, 10, 12, 10, 12, 10, 12]), []),
  gains('achieved by a shift: the 7 points that fired it', input(sevenAbove), [{ fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) }]),
  gains('achieved by a shift: a longer run still cites its first 7', input([...sevenAbove, 11.8, 11.5]), [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
  ]),
  gains('achieved by an astronomical point', input([12, 17]), [{ fact: 'achieved', gain: 1, rule: 'astronomical', periods: [p(21)] }]),
  gains('achieved by a trend', input(sevenRising), [{ fact: 'achieved', gain: 1, rule: 'trend', periods: ps(20, 26) }]),
  gains('achieved by two in three', input([15, 11.5, 15]), [{ fact: 'achieved', gain: 1, rule: 'twoInThree', periods: [p(20), p(22)] }]),
  gains('sustained: 12 points on the improved side after the achieving shift', input([...sevenAbove, ...twelveAbove]), [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
    { fact: 'sustained', gain: 1, rule: 'sustained12', periods: ps(27, 38) },
  ]),
  gains('not yet sustained: 11 points', input([...sevenAbove, ...twelveAbove.slice(0, 11)]), [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
  ]),
  gains(
    'a falling trend above the mean is a concern and does not sustain a gain',
    input([...sevenAbove, 14, 13.5, 13, 12.5, 12, 11.8, 11.6, ...twelveAbove.map((v) => (v === 11.5 ? 11.8 : 11.5))]),
    [
      { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
      { fact: 'sustained', gain: 1, rule: 'sustained12', periods: ps(34, 45) },
    ],
  ),
  gains('lost by a shift of 7 back below the mean', input([...sevenAbove, ...sevenBelow]), [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
    { fact: 'lost', gain: 1, rule: 'shift', periods: ps(27, 33) },
  ]),
  gains('lost by an astronomical point in the concern direction', input([...sevenAbove, 11.5, 5]), [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
    { fact: 'lost', gain: 1, rule: 'astronomical', periods: [p(28)] },
  ]),
  gains('sustained, then lost', input([...sevenAbove, ...twelveAbove, 5]), [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
    { fact: 'sustained', gain: 1, rule: 'sustained12', periods: ps(27, 38) },
    { fact: 'lost', gain: 1, rule: 'astronomical', periods: [p(39)] },
  ]),
  gains('achieved again after a loss', input([...sevenAbove, 11.5, 5, 17]), [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
    { fact: 'lost', gain: 1, rule: 'astronomical', periods: [p(28)] },
    { fact: 'achieved', gain: 2, rule: 'astronomical', periods: [p(29)] },
  ]),
  gains('decrease: a shift down is the gain, a point above the limit loses it', input([...sevenBelow, 5, 17], 'decrease'), [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
    { fact: 'lost', gain: 1, rule: 'astronomical', periods: [p(28)] },
  ]),
  gains('no direction: no gain', input(sevenAbove, 'neutral'), []),
  gains('no adoption: no gain', { points: monthly([...baseline, ...sevenAbove]), improvement: 'increase' }, []),
  gains('adopted before the first point: no baseline to judge against', input(sevenAbove, 'increase', { adoptedAt: '2020-12-15' }), []),
  gains('one point before the adoption: no baseline limits', input(sevenAbove, 'increase', { adoptedAt: p(0) }), []),
  gains('a rebase after the adoption is ignored: judged against the baseline limits', input([...sevenAbove, ...twelveAbove], 'increase', { rebases: [p(20)] }), [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(20, 26) },
    { fact: 'sustained', gain: 1, rule: 'sustained12', periods: ps(27, 38) },
  ]),
  gains('a trial baseline (8 points before adoption) still judges gains', { points: monthly([...baseline.slice(0, 8), ...sevenAbove]), improvement: 'increase', adoptedAt: p(7) }, [
    { fact: 'achieved', gain: 1, rule: 'shift', periods: ps(8, 14) },
  ]),
];
