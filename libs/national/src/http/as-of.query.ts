import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOccurredAt } from '@spiral/event-catalogue';
import { IsOptional } from 'class-validator';

/** `?asOf=` of the national reads; anything else in the query, or a bad date, answers 400. */
export class AsOfQuery {
  @ApiPropertyOptional({
    description: 'The moment time-based figures are judged at (by occurredAt): adoptions counted, follow-up for time to adopt, gains old enough to judge; when absent, the latest event the national view holds (now for a practice\'s spread)',
    example: '2005-06-30',
  })
  @IsOptional()
  @IsOccurredAt()
  asOf?: string;
}
