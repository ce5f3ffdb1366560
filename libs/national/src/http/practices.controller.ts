import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandWriter, newEntityId } from '@spiral/command-handling';
import { NotFound } from '@spiral/decider';
import { ROLES, streamIds } from '@spiral/event-catalogue';
import { AllowRoles, CommandMeta, type CommandMetadata, type CommandRequest, type CommandResponse, sendCommand, IdParams } from '@spiral/http';
import { VIEW_STORE, type ViewStore } from '@spiral/ports';
import { ExecutePracticeCommand } from '../application/practice.command-handler';
import type { PracticeCommand } from '../domain/practice/practice.commands';
import { practiceDecider } from '../domain/practice/practice.decider';
import { PracticeCatalogueReader, type CataloguePage } from '../projections/practice-catalogue.reader';
import { CatalogueQuery, DEFAULT_CATALOGUE_PAGE } from './catalogue.query';
import { practiceResponse, type PracticeResponse } from './practice.response';
import { ProposePracticeRequest } from './propose-practice.request';
import { PublishPracticeRequest } from './publish-practice.request';
import { RetirePracticeRequest } from './retire-practice.request';
import { RevisePracticeRequest } from './revise-practice.request';

/** The practice catalogue: innovation and sharing (SPEC "National level"); only national users write it. */
@ApiTags('national')
@Controller('practices')
@AllowRoles('national')
export class PracticesController {
  private readonly catalogue: PracticeCatalogueReader;

  constructor(
    private readonly commands: CommandBus,
    private readonly writer: CommandWriter,
    @Inject(VIEW_STORE) views: ViewStore,
  ) {
    this.catalogue = new PracticeCatalogueReader(views);
  }

  /**
   * The catalogue every role reads (SPEC "Access"), searched by words, specialty and status, each
   * practice with its evidence and field-test verdicts; a team reads it when it pulls knowledge.
   */
  @Get()
  @AllowRoles(...ROLES)
  search(@Query() { q, specialty, status, limit = DEFAULT_CATALOGUE_PAGE, cursor }: CatalogueQuery): Promise<CataloguePage> {
    return this.catalogue.search({ limit, ...(q === undefined ? {} : { q }), ...(specialty === undefined ? {} : { specialty }), ...(status === undefined ? {} : { status }), ...(cursor === undefined ? {} : { cursor }) });
  }

  @Post()
  propose(@Body() body: ProposePracticeRequest, @CommandMeta() meta: CommandMetadata) {
    const practiceId = newEntityId(meta.actor, meta.idempotencyKey);
    return this.send(practiceId, meta, body, (fields) => ({ type: 'ProposePractice', practiceId, ...fields }));
  }

  @Post(':id/publication')
  publish(@Param() { id }: IdParams, @Body() body: PublishPracticeRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'PublishPractice', practiceId: id, ...fields }));
  }

  @Post(':id/revision')
  revise(@Param() { id }: IdParams, @Body() body: RevisePracticeRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'RevisePractice', practiceId: id, ...fields }));
  }

  @Post(':id/retirement')
  retire(@Param() { id }: IdParams, @Body() body: RetirePracticeRequest, @CommandMeta() meta: CommandMetadata) {
    return this.send(id, meta, body, (fields) => ({ type: 'RetirePractice', practiceId: id, ...fields }));
  }

  /**
   * Every role may read a practice, as its stream stands (its revision for If-Match) with its
   * catalogue entry (texts, evidence, field tests; null until the catalogue has applied it): the catalogue is what teams pull knowledge from and regions
   * spread (SPEC "The spiral", step 2), so it is no one's area in particular.
   */
  @Get(':id')
  @AllowRoles(...ROLES)
  async read(@Param() { id }: IdParams): Promise<PracticeResponse> {
    const { state, revision } = await this.writer.load(practiceDecider, streamIds.practice(id));
    if (state.status === 'unproposed') throw new NotFound('practice', id);
    return practiceResponse(state, revision, (await this.catalogue.practice(id)) ?? null);
  }

  /** Types the command each route builds, so its literal `type` is checked against the aggregate's commands. */
  private send<TBody extends CommandRequest>(
    practiceId: string,
    meta: CommandMetadata,
    body: TBody,
    toCommand: (fields: Omit<TBody, 'occurredAt'>) => PracticeCommand,
  ): Promise<CommandResponse> {
    return sendCommand(this.commands, ExecutePracticeCommand, practiceId, meta, body, toCommand);
  }
}
