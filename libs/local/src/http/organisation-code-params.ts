import { ApiProperty } from '@nestjs/swagger';
import { IsIdentifier } from '@spiral/event-catalogue';

/** `:code` of /organisations/:code/view, checked like every identifier (400 naming `code` when malformed). */
export class OrganisationCodeParams {
  @ApiProperty({ description: 'The organisation code, e.g. RX1' })
  @IsIdentifier()
  code!: string;
}
