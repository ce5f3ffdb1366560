import type { Decider } from '@spiral/decider';
import type { NationalPriorityEvent } from '@spiral/event-catalogue';
import type { NationalPrioritiesCommand } from './national-priorities.commands';
import { decideNationalPriorities } from './national-priorities.decide';
import {
  evolveNationalPriorities,
  initialNationalPrioritiesState,
  type NationalPrioritiesState,
} from './national-priorities.state';

export const nationalPrioritiesDecider: Decider<NationalPrioritiesCommand, NationalPriorityEvent, NationalPrioritiesState> = {
  initialState: initialNationalPrioritiesState,
  decide: decideNationalPriorities,
  evolve: evolveNationalPriorities,
};
