import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const MOMENT = 'An ISO 8601 time by occurredAt; a bare date is the end of that day';

/** GET /evaluation?asOf=&compare= or ?from=&to=; anything else in the query answers 400. */
export class EvaluationQuery {
  @ApiPropertyOptional({ description: `${MOMENT}; now when absent`, example: '2005-12-31' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ description: `${MOMENT}: the moment asOf is compared with`, example: '2004-12-31' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  compare?: string;

  @ApiPropertyOptional({ description: `${MOMENT}: the start of a period (with to)`, example: '2004-04-01' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: `${MOMENT}: the end of a period (with from)`, example: '2005-03-31' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}
