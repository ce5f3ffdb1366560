import { IntersectionType, OmitType } from '@nestjs/swagger';
import { NetworkFormedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /regions/:sha/networks: the event's fields but the region (the path) and the id (the server's). */
export class FormNetworkRequest extends IntersectionType(
  OmitType(NetworkFormedData, ['networkId', 'shaCode'] as const),
  CommandRequest,
) {}
