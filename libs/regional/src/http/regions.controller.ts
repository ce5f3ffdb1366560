import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { newEntityId } from '@spiral/command-handling';
import { AllowRoles, CommandMeta, type CommandMetadata, type CommandRequest, type CommandResponse, sendCommand } from '@spiral/http';
import { ExecuteRegionCommand, type RegionRequest } from '../application/region.command-handler';
import { LaunchSpreadStrategyRequest } from './launch-spread-strategy.request';
import { ProvideSupportRequest } from './provide-support.request';
import { RegionParams } from './region.params';
import { SetRegionalPriorityRequest } from './set-regional-priority.request';

/**
 * A region's own facts (SPEC "Regional level"). Only regional users reach these routes; the decider
 * checks the user's region is the one in the path (403 otherwise).
 */
@ApiTags('regional')
@Controller('regions/:sha')
@AllowRoles('regional')
export class RegionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('priorities')
  setPriority(@Param() { sha }: RegionParams, @Body() body: SetRegionalPriorityRequest, @CommandMeta() meta: CommandMetadata) {
    const priorityId = newEntityId(meta.actor, meta.idempotencyKey);
    return this.send(sha, priorityId, meta, body, (fields) => ({ type: 'SetRegionalPriority', shaCode: sha, priorityId, ...fields }));
  }

  @Post('support')
  provideSupport(@Param() { sha }: RegionParams, @Body() body: ProvideSupportRequest, @CommandMeta() meta: CommandMetadata) {
    const supportId = newEntityId(meta.actor, meta.idempotencyKey);
    return this.send(sha, supportId, meta, body, (fields) => ({ type: 'ProvideSupport', shaCode: sha, supportId, ...fields }));
  }

  @Post('spread-strategies')
  launchSpreadStrategy(@Param() { sha }: RegionParams, @Body() body: LaunchSpreadStrategyRequest, @CommandMeta() meta: CommandMetadata) {
    const strategyId = newEntityId(meta.actor, meta.idempotencyKey);
    return this.send(sha, strategyId, meta, body, (fields) => ({ type: 'LaunchSpreadStrategy', shaCode: sha, strategyId, ...fields }));
  }

  /** Every fact here goes to the region's one stream; the answer names what it created there. */
  private async send<TBody extends CommandRequest>(
    sha: string,
    createdId: string,
    meta: CommandMetadata,
    body: TBody,
    toCommand: (fields: Omit<TBody, 'occurredAt'>) => RegionRequest,
  ): Promise<CommandResponse> {
    const answer = await sendCommand(this.commands, ExecuteRegionCommand, sha, meta, body, toCommand);
    return { ...answer, id: createdId };
  }
}
