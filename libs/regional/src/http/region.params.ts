import { ApiProperty } from '@nestjs/swagger';
import { IsIdentifier } from '@spiral/event-catalogue';

/**
 * Path parameters are input too (SPEC "Bad input"): the global validation pipe checks them with the
 * same identifier rule as the payloads, so `/regions/Q 01/...` answers 400 naming `sha`.
 */
export class RegionParams {
  @ApiProperty({ description: 'SHA code of the region', example: 'Q01' })
  @IsIdentifier()
  sha!: string;
}

export class NetworkParams extends RegionParams {
  @ApiProperty({ description: 'Network id, as answered when it was formed' })
  @IsIdentifier()
  id!: string;
}
