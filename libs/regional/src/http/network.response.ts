import type { NetworkKind } from '@spiral/event-catalogue';
import type { NetworkState } from '../domain/network/network.state';

/** GET /regions/:sha/networks/:id: the network as its stream stands; `revision` is for If-Match. */
export interface NetworkResponse {
  readonly networkId: string;
  readonly shaCode: string;
  readonly name: string;
  readonly kind: NetworkKind;
  readonly members: readonly { readonly teamId: string; readonly orgCode: string }[];
  readonly revision: number;
}

type FormedNetwork = Extract<NetworkState, { status: 'formed' }>;

export function networkResponse(network: FormedNetwork, revision: number): NetworkResponse {
  const { networkId, shaCode, name, kind } = network;
  const members = [...network.members].map(([teamId, orgCode]) => ({ teamId, orgCode }));
  return { networkId, shaCode, name, kind, members, revision };
}
