import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandWriter, newEntityId } from '@spiral/command-handling';
import { NotFound } from '@spiral/decider';
import { streamIds, type Actor } from '@spiral/event-catalogue';
import { AllowRoles, assertMayRead, CommandMeta, CurrentActor, type CommandMetadata, type CommandRequest, type CommandResponse, sendCommand } from '@spiral/http';
import { ExecuteNetworkCommand, type NetworkRequest } from '../application/network.command-handler';
import { networkDecider } from '../domain/network/network.decider';
import { FormNetworkRequest } from './form-network.request';
import { JoinNetworkRequest } from './join-network.request';
import { networkResponse, type NetworkResponse } from './network.response';
import { NetworkParams, RegionParams } from './region.params';

/** Networks and communities of practice a region forms and teams join (SPEC "Regional level"). */
@ApiTags('regional')
@Controller('regions/:sha/networks')
export class NetworksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly writer: CommandWriter,
  ) {}

  @Post()
  @AllowRoles('regional')
  form(@Param() { sha }: RegionParams, @Body() body: FormNetworkRequest, @CommandMeta() meta: CommandMetadata): Promise<CommandResponse> {
    const networkId = newEntityId(meta.actor, meta.idempotencyKey);
    return this.send(networkId, meta, body, (fields) => ({ type: 'FormNetwork', networkId, shaCode: sha, ...fields }));
  }

  /** Joining is also a team's own pull, so its local users may call this (the decider checks whose team). */
  @Post(':id/members')
  @AllowRoles('regional', 'local')
  join(@Param() { sha, id }: NetworkParams, @Body() body: JoinNetworkRequest, @CommandMeta() meta: CommandMetadata): Promise<CommandResponse> {
    return this.send(id, meta, body, ({ teamId }) => ({ type: 'JoinNetwork', networkId: id, shaCode: sha, teamId }));
  }

  @Get(':id')
  async read(@Param() { sha, id }: NetworkParams, @CurrentActor() actor: Actor): Promise<NetworkResponse> {
    // Scope first, so a user out of scope learns nothing of which networks exist.
    assertMayRead(actor, { shaCode: sha }, `network ${id} of ${sha}`);
    const { state, revision } = await this.writer.load(networkDecider, streamIds.network(id));
    if (state.status !== 'formed' || state.shaCode !== sha) throw new NotFound('network', id);
    return networkResponse(state, revision);
  }

  /** Types the command each route builds, so its literal `type` is checked against the aggregate's commands. */
  private send<TBody extends CommandRequest>(
    networkId: string,
    meta: CommandMetadata,
    body: TBody,
    toCommand: (fields: Omit<TBody, 'occurredAt'>) => NetworkRequest,
  ): Promise<CommandResponse> {
    return sendCommand(this.commands, ExecuteNetworkCommand, networkId, meta, body, toCommand);
  }
}
