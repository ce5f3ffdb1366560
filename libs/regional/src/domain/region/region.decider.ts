import type { Decider } from '@spiral/decider';
import type { RegionEvent } from '@spiral/event-catalogue';
import type { RegionCommand } from './region.commands';
import { decideRegion } from './region.decide';
import { evolveRegion, initialRegionState, type RegionState } from './region.state';

export const regionDecider: Decider<RegionCommand, RegionEvent, RegionState> = {
  initialState: initialRegionState,
  decide: decideRegion,
  evolve: evolveRegion,
};
