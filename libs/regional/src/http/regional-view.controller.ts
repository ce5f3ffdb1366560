import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { resolveAsOf } from '@spiral/analytics';
import { NotFound } from '@spiral/decider';
import type { Actor } from '@spiral/event-catalogue';
import { AllowRoles, assertMayRead, CurrentActor, JSON_CONTENT_TYPE } from '@spiral/http';
import { THREAD_READS, type ThreadReads } from '@spiral/jobs';
import { CLOCK, type Clock } from '@spiral/ports';
import { REGIONAL_VIEW_READ, type RegionalViewRead } from '../projections/regional-reads';
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
  constructor(
    @Inject(THREAD_READS) private readonly reads: ThreadReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Read in the reads thread: it derives from every document of the regional view. */
  @Get()
  @Header('Content-Type', JSON_CONTENT_TYPE)
  async read(@Param() { sha }: RegionParams, @Query() query: RegionalViewQuery, @CurrentActor() actor: Actor): Promise<string> {
    // Scope first, so a user out of scope learns nothing of which regions Spiral knows.
    assertMayRead(actor, { shaCode: sha }, `the view of region ${sha}`);
    const now = this.clock.now();
    const asOf = query.asOf === undefined ? undefined : resolveAsOf(query.asOf, now);
    const read: RegionalViewRead = { shaCode: sha, ...(asOf === undefined ? {} : { asOf }), now, stalledDays: query.stalledDays ?? DEFAULT_STALLED_DAYS };
    const view = await this.reads.read<string | null>(REGIONAL_VIEW_READ, read);
    if (view === null) throw new NotFound('region', sha);
    return view;
  }
}
