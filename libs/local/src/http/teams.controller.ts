import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandWriter, newEntityId } from '@spiral/command-handling';
import { NotFound } from '@spiral/decider';
import { streamIds, type Actor } from '@spiral/event-catalogue';
import { AllowRoles, assertMayRead, CommandMeta, CurrentActor, WRITERS, type CommandMetadata, type CommandResponse, sendCommand, IdParams } from '@spiral/http';
import { ExecuteTeamCommand } from '../application/team.command-handler';
import { teamDecider } from '../domain/team/team.decider';
import { RecordMemberCapabilityRequest } from './record-member-capability.request';
import { RecordTeamSupportRequest } from './record-team-support.request';
import { RegisterTeamRequest } from './register-team.request';
import { teamResponse, type TeamResponse } from './team.response';

/** Clinical teams, their leadership development and local conditions (SPEC "The spiral"). */
@ApiTags('local')
@Controller('teams')
export class TeamsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly writer: CommandWriter,
  ) {}

  @Post()
  @AllowRoles(...WRITERS)
  register(@Body() body: RegisterTeamRequest, @CommandMeta() meta: CommandMetadata): Promise<CommandResponse> {
    const teamId = newEntityId(meta.actor, meta.idempotencyKey);
    return sendCommand(this.commands, ExecuteTeamCommand, teamId, meta, body, (fields) => ({ type: 'RegisterTeam' as const, teamId, ...fields }));
  }

  /** Only the team records its members' capabilities; the decider checks it is the user's team. */
  @Post(':id/capabilities')
  @AllowRoles('local')
  recordCapability(
    @Param() { id }: IdParams,
    @Body() body: RecordMemberCapabilityRequest,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResponse> {
    return sendCommand(this.commands, ExecuteTeamCommand, id, meta, body, (fields) => ({ type: 'RecordMemberCapability' as const, teamId: id, ...fields }));
  }

  /** The team records support it received, and so may the region that gave it. */
  @Post(':id/support-received')
  @AllowRoles('local', 'regional')
  recordSupport(
    @Param() { id }: IdParams,
    @Body() body: RecordTeamSupportRequest,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResponse> {
    return sendCommand(this.commands, ExecuteTeamCommand, id, meta, body, (fields) => ({ type: 'RecordTeamSupport' as const, teamId: id, ...fields }));
  }

  @Get(':id')
  async read(@Param() { id }: IdParams, @CurrentActor() actor: Actor): Promise<TeamResponse> {
    const { events } = await this.writer.load(teamDecider, streamIds.team(id));
    const team = teamResponse(events);
    if (team === undefined) throw new NotFound('team', id);
    assertMayRead(actor, { shaCode: team.shaCode, orgCode: team.orgCode }, `team ${id}`);
    return team;
  }
}
