import type { Decider } from '@spiral/decider';
import type { NetworkEvent } from '@spiral/event-catalogue';
import type { NetworkCommand } from './network.commands';
import { decideNetwork } from './network.decide';
import { evolveNetwork, initialNetworkState, type NetworkState } from './network.state';

export const networkDecider: Decider<NetworkCommand, NetworkEvent, NetworkState> = {
  initialState: initialNetworkState,
  decide: decideNetwork,
  evolve: evolveNetwork,
};
