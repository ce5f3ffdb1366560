import type { NetworkEvent, NetworkKind } from '@spiral/event-catalogue';

export type NetworkState =
  | { readonly status: 'unformed' }
  | {
      readonly status: 'formed';
      readonly networkId: string;
      readonly shaCode: string;
      readonly name: string;
      readonly kind: NetworkKind;
      /** Member teams: team id to its organisation code. */
      readonly members: ReadonlyMap<string, string>;
    };

export const initialNetworkState: NetworkState = { status: 'unformed' };

export function evolveNetwork(state: NetworkState, event: NetworkEvent): NetworkState {
  switch (event.type) {
    case 'NetworkFormed': {
      const { networkId, shaCode, name, kind } = event.data;
      return { status: 'formed', networkId, shaCode, name, kind, members: new Map() };
    }
    case 'NetworkJoined': {
      // A join without a formed network cannot be stored (the decider refuses it); skip it if met.
      if (state.status !== 'formed') return state;
      return { ...state, members: new Map(state.members).set(event.data.teamId, event.data.orgCode) };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
