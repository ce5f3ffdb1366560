import { IntersectionType, OmitType } from '@nestjs/swagger';
import { RebaseConfirmedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /spirals/:id/rebase: the event's fields; the spiral is the path's. */
export class ConfirmRebaseRequest extends IntersectionType(OmitType(RebaseConfirmedData, ['spiralId'] as const), CommandRequest) {}
