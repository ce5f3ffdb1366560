import { IntersectionType, OmitType } from '@nestjs/swagger';
import { OptionsAppraisedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /spirals/:id/options: the event's fields; the spiral is the path's. */
export class AppraiseOptionsRequest extends IntersectionType(OmitType(OptionsAppraisedData, ['spiralId'] as const), CommandRequest) {}
