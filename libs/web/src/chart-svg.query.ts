import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsQueryWholeNumber } from '@spiral/http';
import { IsOptional } from 'class-validator';

/** Query of GET /spirals/:id/chart.svg: the picture's size in pixels; anything else answers 400. */
export class ChartSvgQuery {
  @ApiPropertyOptional({ description: 'Width in pixels', default: 960, minimum: 320, maximum: 2400 })
  @IsOptional()
  @IsQueryWholeNumber(320, 2400)
  width?: number;

  @ApiPropertyOptional({ description: 'Height in pixels', default: 480, minimum: 240, maximum: 1600 })
  @IsOptional()
  @IsQueryWholeNumber(240, 1600)
  height?: number;
}
