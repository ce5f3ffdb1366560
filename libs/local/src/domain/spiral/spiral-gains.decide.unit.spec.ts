import { RuleViolated } from '@spiral/decider';
import { actorOf, deciderSpec } from '@spiral/decider/testing';
import { GainAchieved, GainLost, GainSustained, type SpiralEvent } from '@spiral/event-catalogue';
import type { RecordGainAchieved, RecordGainLost, RecordGainSustained } from './spiral.commands';
import { spiralDecider } from './spiral.decider';
import { gainAchieved, history, measured, SPIRAL_ID } from './spiral.test-fixtures';

const spec = deciderSpec(spiralDecider);
const system = { actor: actorOf('system', null, null) };

const periods = ['2005-03-01'];
const achieve: RecordGainAchieved = { type: 'RecordGainAchieved', spiralId: SPIRAL_ID, rule: 'shift', periods };
const sustain: RecordGainSustained = { type: 'RecordGainSustained', spiralId: SPIRAL_ID, rule: 'sustained12', periods };
const lose: RecordGainLost = { type: 'RecordGainLost', spiralId: SPIRAL_ID, rule: 'astronomical', periods };
const gainSustained = GainSustained.create({ spiralId: SPIRAL_ID, rule: 'sustained12', periods });
const gainLost = GainLost.create({ spiralId: SPIRAL_ID, rule: 'astronomical', periods });

const held: SpiralEvent[] = history.sustainability;
const lost: SpiralEvent[] = [...held, gainLost];

describe('spiral decider: RecordGainAchieved', () => {
  it('records the gain the SPC process manager signalled, citing its rule and points', () => {
    spec.given(history.measured).when(achieve, system).then([gainAchieved]);
  });

  it('lets the team itself record it too', () => {
    spec.given(history.measured).when(achieve).then([gainAchieved]);
  });

  it('records a new gain after one was lost', () => {
    spec.given(lost).when(achieve, system).then([gainAchieved]);
  });

  it('refuses a gain before adoption', () => {
    const unadopted = [...history.decision, measured('2005-03-01', 50)];
    spec.given(unadopted).when(achieve, system).thenThrows(RuleViolated, 'not_adopted');
  });

  it('refuses a second gain while one holds', () => {
    spec.given(held).when(achieve, system).thenThrows(RuleViolated, 'gain_already_achieved');
    spec.given([...held, gainSustained]).when(achieve, system).thenThrows(RuleViolated, 'gain_already_achieved');
  });

  it('refuses a gain citing a point never recorded', () => {
    spec
      .given(history.measured)
      .when({ ...achieve, periods: ['2005-03-01', '2005-04-01'] }, system)
      .thenThrows(RuleViolated, 'period_not_recorded');
  });
});

describe('spiral decider: RecordGainSustained', () => {
  it('records a sustained gain after it was achieved', () => {
    spec.given(held).when(sustain, system).then([gainSustained]);
  });

  it('refuses before any gain, after a loss, and twice', () => {
    spec.given(history.measured).when(sustain, system).thenThrows(RuleViolated, 'gain_not_achieved');
    spec.given(lost).when(sustain, system).thenThrows(RuleViolated, 'gain_lost');
    spec.given([...held, gainSustained]).when(sustain, system).thenThrows(RuleViolated, 'gain_already_sustained');
  });
});

describe('spiral decider: RecordGainLost', () => {
  it('records a gain lost, achieved or sustained', () => {
    spec.given(held).when(lose, system).then([gainLost]);
    spec.given([...held, gainSustained]).when(lose, system).then([gainLost]);
  });

  it('refuses before any gain, and twice', () => {
    spec.given(history.measured).when(lose, system).thenThrows(RuleViolated, 'gain_not_achieved');
    spec.given(lost).when(lose, system).thenThrows(RuleViolated, 'gain_already_lost');
  });
});

describe('spiral decider: a second gain after a loss', () => {
  it('can be sustained again', () => {
    const regained = [...lost, GainAchieved.create({ spiralId: SPIRAL_ID, rule: 'trend', periods })];
    spec.given(regained).when(sustain, system).then([gainSustained]);
  });
});
