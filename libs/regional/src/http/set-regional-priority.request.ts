import { IntersectionType, OmitType } from '@nestjs/swagger';
import { RegionalPrioritySetData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /regions/:sha/priorities: the event's fields but the region (the path) and the id (the server's). */
export class SetRegionalPriorityRequest extends IntersectionType(
  OmitType(RegionalPrioritySetData, ['shaCode', 'priorityId'] as const),
  CommandRequest,
) {}
