import { IntersectionType, OmitType } from '@nestjs/swagger';
import { MemberCapabilityRecordedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /teams/:id/capabilities: the event's fields; the team is the path's. */
export class RecordMemberCapabilityRequest extends IntersectionType(
  OmitType(MemberCapabilityRecordedData, ['teamId'] as const),
  CommandRequest,
) {}
