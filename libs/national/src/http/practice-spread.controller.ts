import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { resolveAsOf } from '@spiral/analytics';
import { NotFound } from '@spiral/decider';
import type { Actor } from '@spiral/event-catalogue';
import { AllowRoles, CurrentActor, IdParams, JSON_CONTENT_TYPE } from '@spiral/http';
import { THREAD_READS, type ThreadReads } from '@spiral/jobs';
import { CLOCK, type Clock } from '@spiral/ports';
import { PRACTICE_SPREAD_READ, type PracticeSpreadRead } from '../projections/national-reads';
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
  constructor(
    @Inject(THREAD_READS) private readonly reads: ThreadReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Read in the reads thread: it derives from every document of the national view. */
  @Get(':id/spread')
  @Header('Content-Type', JSON_CONTENT_TYPE)
  async spread(@Param() { id }: IdParams, @Query() query: AsOfQuery, @CurrentActor() actor: Actor): Promise<string> {
    const asOf = resolveAsOf(query.asOf, this.clock.now());
    const onlyRegion = actor.role === 'regional' ? (actor.region ?? undefined) : undefined;
    const read: PracticeSpreadRead = { practiceId: id, asOf, ...(onlyRegion === undefined ? {} : { onlyRegion }) };
    const spread = await this.reads.read<string | null>(PRACTICE_SPREAD_READ, read);
    if (spread === null) throw new NotFound('practice', id);
    return spread;
  }
}
