import { IntersectionType, OmitType } from '@nestjs/swagger';
import { TeamSupportReceivedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/**
 * POST /teams/:id/support-received: the event's fields; the team is the path's. A regional user's
 * `fromShaCode` is its own region whatever it sends (the decider takes it from the token).
 */
export class RecordTeamSupportRequest extends IntersectionType(
  OmitType(TeamSupportReceivedData, ['teamId'] as const),
  CommandRequest,
) {}
