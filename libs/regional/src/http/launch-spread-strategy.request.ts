import { IntersectionType, OmitType } from '@nestjs/swagger';
import { SpreadStrategyLaunchedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /regions/:sha/spread-strategies: the event's fields but the region (the path) and the id (the server's). */
export class LaunchSpreadStrategyRequest extends IntersectionType(
  OmitType(SpreadStrategyLaunchedData, ['shaCode', 'strategyId'] as const),
  CommandRequest,
) {}
