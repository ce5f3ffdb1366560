import { IntersectionType, OmitType } from '@nestjs/swagger';
import { NationalPrioritySetData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /priorities: the event's fields but the id, which the server assigns. */
export class SetNationalPriorityRequest extends IntersectionType(OmitType(NationalPrioritySetData, ['priorityId'] as const), CommandRequest) {}
