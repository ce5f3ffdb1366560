import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '../view-export';

/** POST /replays: which view, as of which moment. */
export class StartReplayRequest {
  @ApiProperty({ description: 'A view name (local-spiral-view, local-team-view, local-organisation-view, regional-view, national-view) or all', example: 'national-view' })
  @IsString()
  @Matches(/^[a-z0-9_-]+$/, { message: 'view must be a view name: lower-case letters, digits, - and _' })
  @MaxLength(100)
  view!: string;

  @ApiProperty({ description: 'An ISO 8601 time, by occurredAt (a bare date is the end of that day), or position:N', example: '2005-03-31' })
  @IsString()
  @MaxLength(40)
  asOf!: string;
}

/** GET /replays/:id/result?format=json|csv */
export class ReplayResultQuery {
  @ApiProperty({ required: false, enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
