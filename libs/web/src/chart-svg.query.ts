import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query of GET /spirals/:id/chart.svg: the picture's size in pixels; anything else answers 400. */
export class ChartSvgQuery {
  @ApiPropertyOptional({ description: 'Width in pixels', default: 960, minimum: 320, maximum: 2400 })
  @IsOptional()
  // Query strings are text: converted here so "abc" reaches the rules as NaN and is refused.
  @Type(() => Number)
  @IsInt()
  @Min(320)
  @Max(2400)
  width?: number;

  @ApiPropertyOptional({ description: 'Height in pixels', default: 480, minimum: 240, maximum: 1600 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(240)
  @Max(1600)
  height?: number;
}
