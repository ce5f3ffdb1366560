import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AllowRoles, CommandMeta, type CommandMetadata, type CommandRequest, type CommandResponse, sendCommand, IdParams } from '@spiral/http';
import { ExecuteSpiralCommand } from '../application/spiral.command-handler';
import type { SpiralCommand } from '../domain/spiral/spiral.commands';
import { AdoptOptionRequest } from './adopt-option.request';
import { AppraiseOptionsRequest } from './appraise-options.request';
import { AssessSustainabilityRequest } from './assess-sustainability.request';
import { CloseSpiralRequest } from './close-spiral.request';
import { CompleteChangeCycleRequest } from './complete-change-cycle.request';
import { ConfirmRebaseRequest } from './confirm-rebase.request';
import { PullKnowledgeRequest } from './pull-knowledge.request';
import { RecordMeasurementsRequest } from './record-measurements.request';
import { SecureChangeSupportRequest } from './secure-change-support.request';

/**
 * Steps 2 to 5 of a spiral (SPEC "The spiral"). Only local users reach them; the decider checks the
 * spiral is of the user's organisation (403 otherwise). Gains have no route: they come from the data.
 */
@ApiTags('local')
@Controller('spirals/:id')
@AllowRoles('local')
export class SpiralStepsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('knowledge')
  pullKnowledge(@Param() { id }: IdParams, @Body() body: PullKnowledgeRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'PullKnowledge', spiralId: id, ...fields }));
  }

  @Post('options')
  appraiseOptions(@Param() { id }: IdParams, @Body() body: AppraiseOptionsRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'AppraiseOptions', spiralId: id, ...fields }));
  }

  /** The handler loads the catalogue practice the appraised option applies, if it names one. */
  @Post('adoption')
  adoptOption(@Param() { id }: IdParams, @Body() body: AdoptOptionRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'AdoptOption', spiralId: id, ...fields }));
  }

  @Post('support')
  secureChangeSupport(@Param() { id }: IdParams, @Body() body: SecureChangeSupportRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'SecureChangeSupport', spiralId: id, ...fields }));
  }

  @Post('cycles')
  completeChangeCycle(@Param() { id }: IdParams, @Body() body: CompleteChangeCycleRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'CompleteChangeCycle', spiralId: id, ...fields }));
  }

  @Post('measurements')
  recordMeasurements(@Param() { id }: IdParams, @Body() body: RecordMeasurementsRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'RecordMeasurements', spiralId: id, ...fields }));
  }

  @Post('rebase')
  confirmRebase(@Param() { id }: IdParams, @Body() body: ConfirmRebaseRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'ConfirmRebase', spiralId: id, chart: undefined, ...fields }));
  }

  @Post('sustainability')
  assessSustainability(@Param() { id }: IdParams, @Body() body: AssessSustainabilityRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'AssessSustainability', spiralId: id, ...fields }));
  }

  @Post('close')
  close(@Param() { id }: IdParams, @Body() body: CloseSpiralRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'CloseSpiral', spiralId: id, ...fields }));
  }

  private send<TBody extends CommandRequest>(
    id: string,
    meta: CommandMetadata,
    body: TBody,
    toCommand: (fields: Omit<TBody, 'occurredAt'>) => SpiralCommand,
  ): Promise<CommandResponse> {
    return sendCommand(this.commands, ExecuteSpiralCommand, id, meta, body, toCommand);
  }
}
