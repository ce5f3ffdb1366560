import { IntersectionType, OmitType } from '@nestjs/swagger';
import { PracticeProposedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /practices: the event's fields but the id, which the server assigns. */
export class ProposePracticeRequest extends IntersectionType(OmitType(PracticeProposedData, ['practiceId'] as const), CommandRequest) {}
