import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOccurredAt } from '@spiral/event-catalogue';
import { IsQueryWholeNumber } from '@spiral/http';
import { IsOptional } from 'class-validator';

/** SPEC "Views": a spiral is stalled after no event for a set time; 90 days unless asked. */
export const DEFAULT_STALLED_DAYS = 90;

/** Query parameters of GET /regions/:sha/view; anything else, or a bad value, answers 400. */
export class RegionalViewQuery {
  @ApiPropertyOptional({ description: 'Days without an event after which a live spiral counts as stalled', default: DEFAULT_STALLED_DAYS, minimum: 1, maximum: 3650 })
  @IsOptional()
  @IsQueryWholeNumber(1, 3650)
  stalledDays?: number;

  @ApiPropertyOptional({ description: 'The moment every figure is answered as of (by occurredAt), as a replay up to it would show them; when absent, the latest event the view holds', example: '2005-06-30' })
  @IsOptional()
  @IsOccurredAt()
  asOf?: string;
}
