import { InvalidInput, RuleViolated } from '@spiral/decider';
import { deciderSpec } from '@spiral/decider/testing';
import { RebaseConfirmed } from '@spiral/event-catalogue';
import type { ConfirmRebase, RecordMeasurements } from './spiral.commands';
import { spiralDecider } from './spiral.decider';
import { history, measured, SPIRAL_ID } from './spiral.test-fixtures';

const spec = deciderSpec(spiralDecider);

const record = (...points: [string, number][]): RecordMeasurements => ({
  type: 'RecordMeasurements',
  spiralId: SPIRAL_ID,
  points: points.map(([period, value]) => ({ period, value })),
});
const rebase: ConfirmRebase = {
  type: 'ConfirmRebase',
  spiralId: SPIRAL_ID,
  fromPeriod: '2005-03-01',
  reason: 'New thrombolysis pathway changed the process for good.',
  chart: { suggestedFromPeriod: '2005-03-01', pointsForLimits: 12 },
};
const notSuggested = { suggestedFromPeriod: null, pointsForLimits: 12 };
/** Monthly points from 2004-01 on: a spiral measured for `count` months. */
const monthly = (count: number) => Array.from({ length: count }, (_, k) => measured(new Date(Date.UTC(2004, k, 1)).toISOString().slice(0, 10), 50 + (k % 3)));

describe('spiral decider: RecordMeasurements', () => {
  it('records one event per point, in period order, at any open step', () => {
    const points = record(['2005-02-01', 64], ['2005-01-01', 70.5]);
    const expected = [measured('2005-01-01', 70.5), measured('2005-02-01', 64)];
    spec.given(history.recognition).when(points).then(expected);
    spec.given(history.decision).when(points).then(expected);
    spec.given(history.sustainability).when(points).then(expected);
  });

  it('refuses a period already recorded', () => {
    spec
      .given(history.measured)
      .when(record(['2005-04-01', 50], ['2005-03-01', 49]))
      .thenThrows(RuleViolated, 'period_already_recorded');
  });

  it('refuses a period given twice in one command', () => {
    spec.given(history.change).when(record(['2005-04-01', 50], ['2005-04-01', 49])).thenThrows(InvalidInput);
  });

  it('refuses an empty batch and a period not yet come', () => {
    spec.given(history.change).when(record()).thenThrows(InvalidInput);
    spec.given(history.change).when(record(['2005-06-02', 50])).thenThrows(InvalidInput);
  });
});

describe('spiral decider: ConfirmRebase', () => {
  it('records the suggested rebase from a recorded period', () => {
    const { type: _type, chart: _chart, ...data } = rebase;
    spec.given([...history.change, measured('2005-02-01', 60), measured('2005-03-01', 50)]).when(rebase).then([RebaseConfirmed.create(data)]);
  });

  it('refuses a rebase from a period with no measurement', () => {
    spec.given(history.change).when(rebase).thenThrows(RuleViolated, 'period_not_recorded');
  });

  it('accepts the suggested period whatever its group holds; another one only when its group holds 12 points', () => {
    const given = [...history.change, ...monthly(20)];
    const { type: _type, chart: _chart, ...data } = rebase;
    spec.given(given).when({ ...rebase, fromPeriod: '2005-06-01', chart: { ...notSuggested, suggestedFromPeriod: '2005-06-01' } }).then([RebaseConfirmed.create({ ...data, fromPeriod: '2005-06-01' })]);
    spec.given(given).when({ ...rebase, fromPeriod: '2004-09-01', chart: notSuggested }).then([RebaseConfirmed.create({ ...data, fromPeriod: '2004-09-01' })]);
    spec.given(given).when({ ...rebase, fromPeriod: '2004-10-01', chart: notSuggested }).thenThrows(RuleViolated, 'rebase_group_too_short');
  });

  it('counts a group up to the next confirmed rebase, and refuses the first point and a period rebased already', () => {
    const given = [...history.change, ...monthly(30), RebaseConfirmed.create({ spiralId: SPIRAL_ID, fromPeriod: '2005-06-01', reason: 'r' })];
    spec.given(given).when({ ...rebase, fromPeriod: '2004-07-01', chart: notSuggested }).thenThrows(RuleViolated, 'rebase_group_too_short');
    spec.given(given).when({ ...rebase, fromPeriod: '2004-06-01', chart: notSuggested }).then([RebaseConfirmed.create({ spiralId: SPIRAL_ID, fromPeriod: '2004-06-01', reason: rebase.reason })]);
    spec.given(given).when({ ...rebase, fromPeriod: '2004-01-01', chart: notSuggested }).thenThrows(RuleViolated, 'rebase_at_first_point');
    spec.given(given).when({ ...rebase, fromPeriod: '2005-06-01', chart: notSuggested }).thenThrows(RuleViolated, 'rebase_already_confirmed');
  });
});
