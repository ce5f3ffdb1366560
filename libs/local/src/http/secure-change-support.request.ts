import { IntersectionType, OmitType } from '@nestjs/swagger';
import { ChangeSupportSecuredData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /spirals/:id/support: the event's fields; the spiral is the path's. */
export class SecureChangeSupportRequest extends IntersectionType(
  OmitType(ChangeSupportSecuredData, ['spiralId'] as const),
  CommandRequest,
) {}
