import type { Decider } from '@spiral/decider';
import type { SpiralEvent } from '@spiral/event-catalogue';
import type { SpiralCommand } from './spiral.commands';
import { decideSpiral } from './spiral.decide';
import { evolveSpiral, initialSpiralState, type SpiralState } from './spiral.state';

export const spiralDecider: Decider<SpiralCommand, SpiralEvent, SpiralState> = {
  initialState: initialSpiralState,
  decide: decideSpiral,
  evolve: evolveSpiral,
};
