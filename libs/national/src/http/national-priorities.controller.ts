import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { newEntityId } from '@spiral/command-handling';
import { AllowRoles, CommandMeta, commandResponse, toEnvelope, type CommandMetadata, type CommandResponse } from '@spiral/http';
import { ExecuteNationalPrioritiesCommand } from '../application/national-priorities.command-handler';
import { SetNationalPriorityRequest } from './set-national-priority.request';

/** National priorities (SPEC "National level", sharing and connecting); teams may cite them as a trigger. */
@ApiTags('national')
@Controller('priorities')
export class NationalPrioritiesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @AllowRoles('national')
  async set(@Body() body: SetNationalPriorityRequest, @CommandMeta() meta: CommandMetadata): Promise<CommandResponse> {
    const { occurredAt, ...fields } = body;
    const priorityId = newEntityId(meta.actor, meta.idempotencyKey);
    const command = { type: 'SetNationalPriority' as const, priorityId, ...fields };
    const result = await this.commands.execute(new ExecuteNationalPrioritiesCommand(toEnvelope(meta, command, occurredAt)));
    return commandResponse(priorityId, result);
  }
}
