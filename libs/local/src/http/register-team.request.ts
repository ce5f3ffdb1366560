import { IntersectionType, OmitType } from '@nestjs/swagger';
import { TeamRegisteredData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /teams: the event's fields but the id, which the server assigns. */
export class RegisterTeamRequest extends IntersectionType(OmitType(TeamRegisteredData, ['teamId'] as const), CommandRequest) {}
