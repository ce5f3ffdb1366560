import type { Decider } from '@spiral/decider';
import type { PracticeEvent } from '@spiral/event-catalogue';
import type { PracticeCommand } from './practice.commands';
import { decidePractice } from './practice.decide';
import { evolvePractice, initialPracticeState, type PracticeState } from './practice.state';

export const practiceDecider: Decider<PracticeCommand, PracticeEvent, PracticeState> = {
  initialState: initialPracticeState,
  decide: decidePractice,
  evolve: evolvePractice,
};
