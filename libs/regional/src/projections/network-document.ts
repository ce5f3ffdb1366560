import { isNewFor } from '@spiral/projections';
import type { EventEnvelope, NetworkEvent, NetworkKind } from '@spiral/event-catalogue';

export type NetworkDocument = {
  networkId: string;
  /** Last applied revision of the network's stream. */
  revision: number;
  shaCode: string;
  name: string;
  kind: NetworkKind;
  formedAt: string;
  /** Teams that joined; the network's decider lets a team join once. */
  members: number;
  /** When each joined, so the members can be counted as of a moment. */
  joinedAt?: string[];
};

/** The network after one event of its stream; undefined when applied already or not yet formed. */
export function foldNetworkEvent(network: NetworkDocument | undefined, envelope: EventEnvelope): NetworkDocument | undefined {
  if (!isNewFor(network, envelope)) return undefined;
  const event = { type: envelope.type, data: envelope.data } as NetworkEvent;
  switch (event.type) {
    case 'NetworkFormed': {
      const { networkId, shaCode, name, kind } = event.data;
      return { networkId, revision: envelope.streamRevision, shaCode, name, kind, formedAt: envelope.occurredAt, members: network?.members ?? 0, joinedAt: network?.joinedAt ?? [] };
    }
    case 'NetworkJoined':
      return network === undefined ? undefined : { ...network, revision: envelope.streamRevision, members: network.members + 1, joinedAt: [...(network.joinedAt ?? []), envelope.occurredAt] };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
