import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOccurredAt } from '@spiral/event-catalogue';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** SPEC "Views": a spiral is stalled after no event for a set time; 90 days unless asked. */
export const DEFAULT_STALLED_DAYS = 90;

/** Query parameters of GET /regions/:sha/view; anything else, or a bad value, answers 400. */
export class RegionalViewQuery {
  @ApiPropertyOptional({ description: 'Days without an event after which a live spiral counts as stalled', default: DEFAULT_STALLED_DAYS, minimum: 1, maximum: 3650 })
  @IsOptional()
  // Query strings are text: converted here, so "abc" or "1.5" reaches the rules as NaN or 1.5 and is refused.
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  stalledDays?: number;

  @ApiPropertyOptional({ description: 'The moment every figure is answered as of (by occurredAt), as a replay up to it would show them; when absent, the latest event the view holds', example: '2005-06-30' })
  @IsOptional()
  @IsOccurredAt()
  asOf?: string;
}
