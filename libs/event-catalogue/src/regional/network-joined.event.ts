import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier } from '../validation/field-rules';

/** A team joined a network; its organisation is copied so views need no join. */
export class NetworkJoinedData {
  @IsIdentifier()
  networkId!: string;

  @IsIdentifier()
  teamId!: string;

  @IsIdentifier()
  orgCode!: string;
}

export const NetworkJoined = defineEvent('NetworkJoined', 'regional', NetworkJoinedData);
export type NetworkJoined = EventOf<typeof NetworkJoined>;
