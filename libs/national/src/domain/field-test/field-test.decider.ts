import type { Decider } from '@spiral/decider';
import type { FieldTestEvent } from '@spiral/event-catalogue';
import type { FieldTestCommand } from './field-test.commands';
import { decideFieldTest } from './field-test.decide';
import { evolveFieldTest, initialFieldTestState, type FieldTestState } from './field-test.state';

export const fieldTestDecider: Decider<FieldTestCommand, FieldTestEvent, FieldTestState> = {
  initialState: initialFieldTestState,
  decide: decideFieldTest,
  evolve: evolveFieldTest,
};
