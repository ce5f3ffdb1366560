import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandWriter, newEntityId } from '@spiral/command-handling';
import { NotFound } from '@spiral/decider';
import { streamIds, type Actor } from '@spiral/event-catalogue';
import { AllowRoles, assertMayRead, CommandMeta, CurrentActor, type CommandMetadata, type CommandResponse, sendCommand, IdParams } from '@spiral/http';
import { ExecuteSpiralCommand } from '../application/spiral.command-handler';
import { spiralDecider } from '../domain/spiral/spiral.decider';
import { SPIRALS, spiralViewProjection, type SpiralView } from '../projections/spiral-view.projection';
import { RecogniseNeedRequest } from './recognise-need.request';
import { recordListPage, RecordListParams } from './record/record-list';
import { RecordPageQuery, SpiralReadQuery, type Page } from './record/record-page';
import { spiralResponse, type SpiralResponse } from './spiral.response';
import { StoredViews } from './stored-views';

/** A spiral starts here and is read here; its later steps are in SpiralStepsController. */
@ApiTags('local')
@Controller('spirals')
export class SpiralsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly writer: CommandWriter,
    private readonly views: StoredViews,
  ) {}

  /** Only a team writes its spirals (SPEC "Access"); the decider checks the team is the user's. */
  @Post()
  @AllowRoles('local')
  recogniseNeed(@Body() body: RecogniseNeedRequest, @CommandMeta() meta: CommandMetadata): Promise<CommandResponse> {
    const spiralId = newEntityId(meta.actor, meta.idempotencyKey);
    // The handler reads the team (and the parent spiral) from their streams.
    return sendCommand(this.commands, ExecuteSpiralCommand, spiralId, meta, body, (fields) => ({
      type: 'RecogniseNeed' as const,
      spiralId,
      team: undefined,
      ...fields,
    }));
  }

  /**
   * The spiral as its stream stands, with its SPC chart and gains as the spiral view stored them:
   * the chart is computed when points arrive, not on each read (its `asOfRevision` says how current).
   */
  @Get(':id')
  async read(@Param() { id }: IdParams, @Query() query: SpiralReadQuery, @CurrentActor() actor: Actor): Promise<SpiralResponse> {
    const { state, events } = await this.readable(id, actor);
    return spiralResponse(state, events, await this.views.find<SpiralView>(spiralViewProjection, SPIRALS, id), query);
  }

  /** One page of a long list of the spiral's record (knowledge, support, cycles, assessments, measurements). */
  @Get(':id/record/:list')
  async recordList(@Param() { id, list }: RecordListParams, @Query() query: RecordPageQuery, @CurrentActor() actor: Actor): Promise<Page<object>> {
    const { events } = await this.readable(id, actor);
    return recordListPage(events, list, query);
  }

  /** The spiral's stream folded, once access is checked: a team reads its own, a region its area (SPEC "Access"). */
  private async readable(id: string, actor: Actor) {
    const { state, events } = await this.writer.load(spiralDecider, streamIds.spiral(id));
    if (state.status !== 'recognised') throw new NotFound('spiral', id);
    assertMayRead(actor, { shaCode: state.shaCode, orgCode: state.orgCode }, `spiral ${id}`);
    return { state, events };
  }
}
