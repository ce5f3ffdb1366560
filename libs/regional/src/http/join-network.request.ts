import { IntersectionType, PickType } from '@nestjs/swagger';
import { NetworkJoinedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /regions/:sha/networks/:id/members: the team; its organisation is read from the team's own facts. */
export class JoinNetworkRequest extends IntersectionType(PickType(NetworkJoinedData, ['teamId'] as const), CommandRequest) {}
