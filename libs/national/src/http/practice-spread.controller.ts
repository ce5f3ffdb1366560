import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { resolveAsOf } from '@spiral/analytics';
import { NotFound } from '@spiral/decider';
import type { Actor } from '@spiral/event-catalogue';
import { AllowRoles, CurrentActor, IdParams } from '@spiral/http';
import { CLOCK, VIEW_STORE, type Clock, type ViewStore } from '@spiral/ports';
import type { PracticeSpread } from '../projections/national-view';
import { NationalViewReader } from '../projections/national-view.reader';
import { AsOfQuery } from './as-of.query';
import { NATIONAL_FIGURE_READERS } from './national-view.controller';

/**
 * One practice's spread over time, by month and by region (SPEC "HTTP API"), for the readers of the
 * national view. The list of adopting teams names teams, so a regional reader sees only its own
 * region's there (SPEC "Access": a region reads its own area); every count includes them all.
 */
@ApiTags('national')
@Controller('practices')
@AllowRoles(...NATIONAL_FIGURE_READERS)
export class PracticeSpreadController {
  private readonly reader: NationalViewReader;

  constructor(
    @Inject(VIEW_STORE) views: ViewStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reader = new NationalViewReader(views);
  }

  @Get(':id/spread')
  async spread(@Param() { id }: IdParams, @Query() query: AsOfQuery, @CurrentActor() actor: Actor): Promise<PracticeSpread> {
    const asOf = resolveAsOf(query.asOf, this.clock.now());
    const onlyRegion = actor.role === 'regional' ? (actor.region ?? undefined) : undefined;
    const spread = await this.reader.spread(id, { asOf, ...(onlyRegion === undefined ? {} : { onlyRegion }) });
    if (spread === undefined) throw new NotFound('practice', id);
    return spread;
  }
}
