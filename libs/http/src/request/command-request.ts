import { IsOptional } from 'class-validator';
import { IsOccurredAt } from '@spiral/event-catalogue';

/** Every command body may say when its fact happened (SPEC "HTTP API"). */
export class CommandRequest {
  @IsOptional()
  @IsOccurredAt()
  occurredAt?: string;
}
