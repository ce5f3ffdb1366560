import { IntersectionType, OmitType } from '@nestjs/swagger';
import { SupportProvidedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /regions/:sha/support: the event's fields but the region (the path) and the id (the server's). */
export class ProvideSupportRequest extends IntersectionType(
  OmitType(SupportProvidedData, ['shaCode', 'supportId'] as const),
  CommandRequest,
) {}
