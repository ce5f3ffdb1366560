import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandWriter, newEntityId } from '@spiral/command-handling';
import { NotFound } from '@spiral/decider';
import { streamIds } from '@spiral/event-catalogue';
import { AllowRoles, CommandMeta, type CommandMetadata, type CommandRequest, type CommandResponse, sendCommand, IdParams } from '@spiral/http';
import { ExecuteFieldTestCommand, type FieldTestRequest } from '../application/field-test.command-handler';
import { fieldTestDecider } from '../domain/field-test/field-test.decider';
import { ConcludeFieldTestRequest } from './conclude-field-test.request';
import { fieldTestResponse, type FieldTestResponse } from './field-test.response';
import { ReportFieldTestSiteRequest } from './report-field-test-site.request';
import { StartFieldTestRequest } from './start-field-test.request';

/** Field testing (SPEC "National level"): a test of a practice at named sites, their results, a verdict. */
@ApiTags('national')
@Controller()
@AllowRoles('national')
export class FieldTestsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly writer: CommandWriter,
  ) {}

  @Post('practices/:id/field-tests')
  start(@Param() { id }: IdParams, @Body() body: StartFieldTestRequest, @CommandMeta() meta: CommandMetadata) {
    const fieldTestId = newEntityId(meta.actor, meta.idempotencyKey);
    return this.send(fieldTestId, meta, body, (fields) => ({ type: 'StartFieldTest', fieldTestId, practiceId: id, ...fields }));
  }

  @Post('field-tests/:id/results')
  report(@Param() { id }: IdParams, @Body() body: ReportFieldTestSiteRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'ReportFieldTestSite', fieldTestId: id, ...fields }));
  }

  @Post('field-tests/:id/conclusion')
  conclude(@Param() { id }: IdParams, @Body() body: ConcludeFieldTestRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'ConcludeFieldTest', fieldTestId: id, ...fields }));
  }

  /** A field test belongs to no region, so it is read by those who read everything (SPEC "Access"). */
  @Get('field-tests/:id')
  @AllowRoles('national', 'analyst', 'auditor')
  async read(@Param() { id }: IdParams): Promise<FieldTestResponse> {
    const { state, events } = await this.writer.load(fieldTestDecider, streamIds.fieldTest(id));
    if (state.status === 'unstarted') throw new NotFound('field test', id);
    return fieldTestResponse(state, events);
  }

  /** Types the command each route builds, so its literal `type` is checked against the aggregate's commands. */
  private send<TBody extends CommandRequest>(
    fieldTestId: string,
    meta: CommandMetadata,
    body: TBody,
    toCommand: (fields: Omit<TBody, 'occurredAt'>) => FieldTestRequest,
  ): Promise<CommandResponse> {
    return sendCommand(this.commands, ExecuteFieldTestCommand, fieldTestId, meta, body, toCommand);
  }
}
