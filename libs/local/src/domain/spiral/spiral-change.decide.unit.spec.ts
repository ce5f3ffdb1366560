import { InvalidInput, RuleViolated } from '@spiral/decider';
import { deciderSpec } from '@spiral/decider/testing';
import {
  ChangeCycleCompleted,
  ChangeSupportSecured,
  GainSustained,
  SpiralClosed,
  SustainabilityAssessed,
} from '@spiral/event-catalogue';
import type { AssessSustainability, CloseSpiral, CompleteChangeCycle, SecureChangeSupport } from './spiral.commands';
import { spiralDecider } from './spiral.decider';
import { history, SPIRAL_ID } from './spiral.test-fixtures';

const spec = deciderSpec(spiralDecider);

const supportData = {
  spiralId: SPIRAL_ID,
  resources: ['two sessions a week of a nurse specialist'],
  improvementTeam: [{ role: 'stroke nurse', skills: ['PDSA', 'process mapping'] }],
  sponsor: 'Medical Director',
};
const support: SecureChangeSupport = { type: 'SecureChangeSupport', ...supportData };

const cycle: CompleteChangeCycle = {
  type: 'CompleteChangeCycle',
  spiralId: SPIRAL_ID,
  plan: 'Pre-alert for three weeks',
  prediction: 'Median falls by ten minutes',
  observed: 'Median fell by six minutes',
  learning: 'Night crews did not pre-alert',
  decision: 'adapt',
};
const { type: _cycle, ...cycleData } = cycle;
const cycleCompleted = (cycleNumber: number) => ChangeCycleCompleted.create({ ...cycleData, cycleNumber });

const assess: AssessSustainability = {
  type: 'AssessSustainability',
  spiralId: SPIRAL_ID,
  assessedBy: 'improvement team',
  factors: { seniorLeadership: 'b', adaptability: 'a' },
};
const { type: _assess, ...assessData } = assess;

const close = (outcome: CloseSpiral['outcome']): CloseSpiral => ({
  type: 'CloseSpiral',
  spiralId: SPIRAL_ID,
  outcome,
  learning: 'Pre-alert works when crews own it.',
});
const closed = (outcome: CloseSpiral['outcome']) =>
  SpiralClosed.create({ spiralId: SPIRAL_ID, outcome, learning: 'Pre-alert works when crews own it.' });

describe('spiral decider: SecureChangeSupport', () => {
  it('records support for the adopted change, also while holding the gain', () => {
    spec.given(history.change).when(support).then([ChangeSupportSecured.create(supportData)]);
    spec.given(history.sustainability).when(support).then([ChangeSupportSecured.create(supportData)]);
  });

  it('refuses support before an option is adopted', () => {
    spec.given(history.decision).when(support).thenThrows(RuleViolated, 'not_adopted');
  });
});

describe('spiral decider: CompleteChangeCycle', () => {
  it('numbers cycles one after another', () => {
    spec.given(history.change).when(cycle).then([cycleCompleted(1)]);
    spec.given([...history.change, cycleCompleted(1), cycleCompleted(2)]).when(cycle).then([cycleCompleted(3)]);
  });

  it('refuses a cycle before an option is adopted', () => {
    spec.given(history.knowing).when(cycle).thenThrows(RuleViolated, 'not_adopted');
  });
});

describe('spiral decider: AssessSustainability', () => {
  it('records an assessment on the factors rated', () => {
    spec.given(history.change).when(assess).then([SustainabilityAssessed.create(assessData)]);
  });

  it('refuses an assessment before adoption', () => {
    spec.given(history.decision).when(assess).thenThrows(RuleViolated, 'not_adopted');
  });

  it('refuses an assessment that rates no factor', () => {
    spec.given(history.change).when({ ...assess, factors: {} }).thenThrows(InvalidInput);
  });
});

describe('spiral decider: CloseSpiral', () => {
  it('closes at any open step', () => {
    spec.given(history.recognition).when(close('abandoned')).then([closed('abandoned')]);
    spec.given(history.change).when(close('superseded')).then([closed('superseded')]);
    spec.given(history.sustainability).when(close('notSustained')).then([closed('notSustained')]);
  });

  it('closes as sustained once the chart signalled a sustained gain', () => {
    const sustained = GainSustained.create({ spiralId: SPIRAL_ID, rule: 'sustained12', periods: ['2005-03-01'] });
    spec.given([...history.sustainability, sustained]).when(close('sustained')).then([closed('sustained')]);
  });

  it('refuses to close as sustained on a claim the chart does not back', () => {
    spec.given(history.sustainability).when(close('sustained')).thenThrows(RuleViolated, 'gain_not_sustained');
  });
});
