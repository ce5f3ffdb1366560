import { RuleViolated } from '@spiral/decider';
import { actorOf, deciderSpec, SPEC_NOW } from '@spiral/decider/testing';
import { GainLost, GainSustained, GainWithdrawn, type SpiralEvent } from '@spiral/event-catalogue';
import type { RecordGainAchieved, WithdrawGain } from './spiral.commands';
import { spiralDecider } from './spiral.decider';
import { evolveSpiral, type SpiralState } from './spiral.state';
import { gainAchieved, history, SPIRAL_ID } from './spiral.test-fixtures';

const spec = deciderSpec(spiralDecider);
const system = { actor: actorOf('system', null, null) };
const periods = ['2005-03-01'];
const undoing = { undoneBy: 'MeasurementRecorded', undoingPeriod: '2005-03-01' } as const;
const withdraw = (withdrawn: WithdrawGain['withdrawn']): WithdrawGain => ({ type: 'WithdrawGain', spiralId: SPIRAL_ID, withdrawn, periods, ...undoing });
const achieve: RecordGainAchieved = { type: 'RecordGainAchieved', spiralId: SPIRAL_ID, rule: 'shift', periods };
const gainSustained = GainSustained.create({ spiralId: SPIRAL_ID, rule: 'sustained12', periods });
const held: SpiralEvent[] = history.sustainability;
const fold = (events: readonly SpiralEvent[]): SpiralState =>
  events.reduce<SpiralState>((state, event, k) => evolveSpiral(state, event, { occurredAt: SPEC_NOW, streamRevision: k }), spiralDecider.initialState);

describe('spiral decider: WithdrawGain', () => {
  it('withdraws the latest gain, citing it as recorded and the point that undid it, with the standing left', () => {
    const achievedWithdrawn = GainWithdrawn.create({ spiralId: SPIRAL_ID, withdrawn: 'achieved', rule: 'shift', periods, ...undoing, standing: 'none' });
    spec.given(held).when(withdraw('achieved'), system).then([achievedWithdrawn]);
    const sustainedWithdrawn = GainWithdrawn.create({ spiralId: SPIRAL_ID, withdrawn: 'sustained', rule: 'sustained12', periods, ...undoing, standing: 'achieved' });
    spec.given([...held, gainSustained]).when(withdraw('sustained'), system).then([sustainedWithdrawn]);
  });

  it('leaves the spiral as before the gain: back at its change step, free to achieve a gain again', () => {
    const withdrawn = GainWithdrawn.create({ spiralId: SPIRAL_ID, withdrawn: 'achieved', rule: 'shift', periods, ...undoing, standing: 'none' });
    expect(fold([...held, withdrawn])).toMatchObject({ step: 'change', gains: [], gainStatus: 'none' });
    spec.given([...held, withdrawn]).when(achieve, system).then([gainAchieved]);
    const lost = GainLost.create({ spiralId: SPIRAL_ID, rule: 'astronomical', periods });
    const lostWithdrawn = GainWithdrawn.create({ spiralId: SPIRAL_ID, withdrawn: 'lost', rule: 'astronomical', periods, ...undoing, standing: 'sustained' });
    expect(fold([...held, gainSustained, lost, lostWithdrawn])).toMatchObject({ step: 'sustainability', gainStatus: 'sustained' });
  });

  it('refuses to withdraw a gain that is not the latest, none at all, or on a point never recorded', () => {
    spec.given(history.measured).when(withdraw('achieved'), system).thenThrows(RuleViolated, 'gain_not_recorded');
    spec.given([...held, gainSustained]).when(withdraw('achieved'), system).thenThrows(RuleViolated, 'gain_not_latest');
    spec.given(held).when({ ...withdraw('achieved'), undoingPeriod: '1999-01-01' }, system).thenThrows(RuleViolated);
    spec.given(held).when({ ...withdraw('achieved'), undoneBy: 'RebaseConfirmed' }, system).thenThrows(RuleViolated, 'rebase_not_confirmed');
  });
});
