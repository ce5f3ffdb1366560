import { IsIn } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse, IsText } from '../validation/field-rules';

export const NETWORK_KINDS = ['network', 'communityOfPractice'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** A region formed a network or a community of practice that teams may join. Starts a network's stream. */
export class NetworkFormedData {
  @IsIdentifier()
  networkId!: string;

  @IsIdentifier()
  shaCode!: string;

  @IsText(200)
  name!: string;

  @IsIn(NETWORK_KINDS)
  kind!: NetworkKind;

  @IsProse(2000)
  purpose!: string;
}

export const NetworkFormed = defineEvent('NetworkFormed', 'regional', NetworkFormedData);
export type NetworkFormed = EventOf<typeof NetworkFormed>;
