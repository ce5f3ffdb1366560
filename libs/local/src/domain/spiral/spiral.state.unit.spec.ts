import { ChangeCycleCompleted, GainLost, RebaseConfirmed, type SpiralEvent } from '@spiral/event-catalogue';
import { spiralDecider } from './spiral.decider';
import type { SpiralState } from './spiral.state';
import { history, measured, SPIRAL_ID } from './spiral.test-fixtures';

/** Folds a stream with one day between events, so occurredAt is visible in the state. */
function fold(events: readonly SpiralEvent[]): SpiralState {
  return events.reduce(
    (state, event, streamRevision) =>
      spiralDecider.evolve(state, event, {
        occurredAt: `2005-01-${String(streamRevision + 1).padStart(2, '0')}T09:00:00.000Z`,
        streamRevision,
      }),
    spiralDecider.initialState,
  );
}

function stepOf(events: readonly SpiralEvent[]): string {
  const state = fold(events);
  return state.status === 'recognised' ? state.step : state.status;
}

describe('spiral state', () => {
  it('moves through the steps of SPEC "The spiral"', () => {
    expect(stepOf([])).toBe('unrecognised');
    expect(stepOf(history.recognition)).toBe('recognition');
    expect(stepOf(history.knowing)).toBe('knowing');
    expect(stepOf(history.decision)).toBe('decision');
    expect(stepOf([...history.decision, history.knowing[1] as SpiralEvent])).toBe('decision');
    expect(stepOf(history.change)).toBe('change');
    expect(stepOf(history.sustainability)).toBe('sustainability');
    expect(stepOf(history.closed)).toBe('closed');
  });

  it('keeps what the application layer and the spiral read need', () => {
    const cycle = ChangeCycleCompleted.create({
      spiralId: SPIRAL_ID,
      cycleNumber: 1,
      plan: 'p',
      prediction: 'p',
      observed: 'o',
      learning: 'l',
      decision: 'adopt',
    });
    const lost = GainLost.create({ spiralId: SPIRAL_ID, rule: 'shift', periods: ['2005-03-01'] });
    const rebase = RebaseConfirmed.create({ spiralId: SPIRAL_ID, fromPeriod: '2005-03-01', reason: 'r' });
    const state = fold([...history.sustainability, measured('2005-01-01', 70), cycle, lost, rebase]);
    expect(state).toMatchObject({
      spiralId: SPIRAL_ID,
      teamId: 'team-1',
      orgCode: 'RX1',
      shaCode: 'Q01',
      step: 'sustainability',
      adoption: { optionId: 'opt-1', practiceId: 'practice-1', practiceVersion: 3, occurredAt: '2005-01-04T09:00:00.000Z' },
      cycleCount: 1,
      periods: ['2005-01-01', '2005-03-01'],
      rebasedFrom: ['2005-03-01'],
      gainStatus: 'lost',
      gains: [
        { kind: 'achieved', rule: 'shift', periods: ['2005-03-01'], occurredAt: '2005-01-06T09:00:00.000Z' },
        { kind: 'lost', rule: 'shift', periods: ['2005-03-01'], occurredAt: '2005-01-09T09:00:00.000Z' },
      ],
    });
    expect(state.status === 'recognised' && state.options.map((option) => option.optionId)).toEqual(['opt-1', 'opt-2']);
  });
});
