import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIdentifier, IsText } from '@spiral/event-catalogue';
import { IsQueryWholeNumber } from '@spiral/http';
import { IsIn, IsOptional } from 'class-validator';
import { CATALOGUE_STATUSES, type CatalogueStatus } from '../projections/practice-catalogue.reader';

export const DEFAULT_CATALOGUE_PAGE = 20;
export const MAX_CATALOGUE_PAGE = 100;

/** GET /practices: search and page the catalogue; anything else in the query answers 400. */
export class CatalogueQuery {
  @ApiPropertyOptional({ description: 'Words found in the title, summary, evidence, origin, target measures or specialties (case ignored)', example: 'thrombolysis' })
  @IsOptional()
  @IsText(200)
  q?: string;

  @ApiPropertyOptional({ description: 'A clinical specialty the practice is for, as teams name theirs (case ignored)', example: 'stroke medicine' })
  @IsOptional()
  @IsText(100)
  specialty?: string;

  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES, description: 'Only practices at this status' })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;

  @ApiPropertyOptional({ default: DEFAULT_CATALOGUE_PAGE, minimum: 1, maximum: MAX_CATALOGUE_PAGE })
  @IsOptional()
  @IsQueryWholeNumber(1, MAX_CATALOGUE_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's nextCursor" })
  @IsOptional()
  @IsIdentifier()
  cursor?: string;
}
