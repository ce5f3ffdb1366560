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
};

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
  it('records a rebase from a recorded period', () => {
    const { type: _type, ...data } = rebase;
    spec.given(history.measured).when(rebase).then([RebaseConfirmed.create(data)]);
  });

  it('refuses a rebase from a period with no measurement', () => {
    spec.given(history.change).when(rebase).thenThrows(RuleViolated, 'period_not_recorded');
  });
});
