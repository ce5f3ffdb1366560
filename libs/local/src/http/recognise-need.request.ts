import { IntersectionType, OmitType } from '@nestjs/swagger';
import { NeedRecognisedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /spirals: the event's fields but the id, which the server assigns, and the team's codes, read from the team. */
export class RecogniseNeedRequest extends IntersectionType(
  OmitType(NeedRecognisedData, ['spiralId', 'orgCode', 'shaCode'] as const),
  CommandRequest,
) {}
