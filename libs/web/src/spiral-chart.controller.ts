import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@spiral/decider';
import { streamIds, type Actor, type SpiralEvent } from '@spiral/event-catalogue';
import { assertMayRead, CurrentActor, IdParams } from '@spiral/http';
import { chartOf, SPIRALS, spiralViewProjection, type SpiralView } from '@spiral/local';
import { EVENT_STORE, VIEW_STORE, type EventStore, type ViewStore } from '@spiral/ports';
import { storedCollection } from '@spiral/projections';
import { ChartSvgQuery } from './chart-svg.query';
import { sharedSpcChart, type SpcChartSource } from './spc-chart-option';
import { renderSvg } from './svg-chart';

/**
 * GET /spirals/:id/chart.svg: the spiral's SPC chart as a picture for reports and emails, drawn by
 * the same option builder as the team page. Read as GET /spirals/:id reads: the stream says whose
 * spiral it is (SPEC "Access", 403 logged), the stored spiral view holds the series its chart is
 * drawn from and its gains.
 */
@ApiTags('local')
@Controller('spirals')
export class SpiralChartController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(VIEW_STORE) private readonly views: ViewStore,
  ) {}

  @Get(':id/chart.svg')
  @ApiProduces('image/svg+xml')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  async chartSvg(@Param() { id }: IdParams, @Query() { width = 960, height }: ChartSvgQuery, @CurrentActor() actor: Actor): Promise<string> {
    const source = await this.sourceOf(id, actor);
    const chart = sharedSpcChart();
    const option = chart.spcChartOption(source, { width });
    // Without a height asked for, tall enough for the labels' rows: 480 px at least.
    return renderSvg(option, { width, height: height ?? Math.max(480, chart.minimumHeight(option)) });
  }

  private async sourceOf(id: string, actor: Actor): Promise<SpcChartSource> {
    // Stored events passed their schema on append, as the spiral's own read relies on.
    const events = await this.events.readStream(streamIds.spiral(id));
    const recognised = events[0] as unknown as SpiralEvent | undefined;
    if (recognised?.type !== 'NeedRecognised') throw new NotFound('spiral', id);
    const { orgCode, shaCode, title, measure, target } = recognised.data;
    assertMayRead(actor, { shaCode, orgCode }, `spiral ${id}`);
    const view = await this.views.get<SpiralView>(storedCollection(spiralViewProjection, SPIRALS), id);
    return {
      title,
      measure,
      target,
      chart: view === undefined ? null : chartOf(view.series).chart,
      gains: view?.recordedGains ?? [],
      history: events.map(({ type, occurredAt }) => ({ type, occurredAt })),
    };
  }
}
