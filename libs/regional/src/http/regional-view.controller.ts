import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { resolveAsOf } from '@spiral/analytics';
import { NotFound } from '@spiral/decider';
import type { Actor } from '@spiral/event-catalogue';
import { AllowRoles, assertMayRead, CurrentActor } from '@spiral/http';
import { CLOCK, VIEW_STORE, type Clock, type ViewStore } from '@spiral/ports';
import type { RegionalView } from '../projections/regional-view';
import { RegionalViewReader } from '../projections/regional-view.reader';
import { RegionParams } from './region.params';
import { DEFAULT_STALLED_DAYS, RegionalViewQuery } from './regional-view.query';

/**
 * The regional view of one SHA (SPEC "Views"): its own region's users, and national users,
 * analysts and auditors, who read everything. Other regions' penetration appears in `comparison`
 * as counts and shares only: SPEC has a region see its area "against other regions".
 */
@ApiTags('regional')
@Controller('regions/:sha/view')
@AllowRoles('regional', 'national', 'analyst', 'auditor')
export class RegionalViewController {
  private readonly reader: RegionalViewReader;

  constructor(
    @Inject(VIEW_STORE) views: ViewStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reader = new RegionalViewReader(views);
  }

  @Get()
  async read(@Param() { sha }: RegionParams, @Query() query: RegionalViewQuery, @CurrentActor() actor: Actor): Promise<RegionalView> {
    // Scope first, so a user out of scope learns nothing of which regions Spiral knows.
    assertMayRead(actor, { shaCode: sha }, `the view of region ${sha}`);
    const now = this.clock.now();
    const asOf = query.asOf === undefined ? undefined : resolveAsOf(query.asOf, now);
    const view = await this.reader.read(sha, { ...(asOf === undefined ? {} : { asOf }), now, stalledDays: query.stalledDays ?? DEFAULT_STALLED_DAYS });
    if (view === undefined) throw new NotFound('region', sha);
    return view;
  }
}
