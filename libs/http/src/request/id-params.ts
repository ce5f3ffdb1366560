import { ApiProperty } from '@nestjs/swagger';
import { IsIdentifier } from '@spiral/event-catalogue';

/**
 * Path parameters are input too (SPEC "Bad input"): the global validation pipe checks `:id` with the
 * same identifier rule as the payloads, so a malformed id answers 400 naming `id` before any read.
 */
export class IdParams {
  @ApiProperty({ description: 'The id answered when the thing was created' })
  @IsIdentifier()
  id!: string;
}
