import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { resolveAsOf } from '@spiral/analytics';
import { AllowRoles, JSON_CONTENT_TYPE } from '@spiral/http';
import { THREAD_READS, type ThreadReads } from '@spiral/jobs';
import { CLOCK, type Clock } from '@spiral/ports';
import { NATIONAL_VIEW_READ, type NationalViewRead } from '../projections/national-reads';
import { AsOfQuery } from './as-of.query';

/**
 * The national view (SPEC "Views"). National users, analysts and auditors read everything; a
 * regional user may read it too, because SPEC has a region compare itself with the national
 * figures and the other regions, and this view holds figures only (counts, shares, curves), no
 * team's own record. Local users read their own organisation's views, not this one.
 */
export const NATIONAL_FIGURE_READERS = ['national', 'analyst', 'auditor', 'regional'] as const;

@ApiTags('national')
@Controller('national/view')
@AllowRoles(...NATIONAL_FIGURE_READERS)
export class NationalViewController {
  constructor(
    @Inject(THREAD_READS) private readonly reads: ThreadReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** At the asOf asked for, else at the latest event the view holds (now when it holds none); read in the reads thread. */
  @Get()
  @Header('Content-Type', JSON_CONTENT_TYPE)
  read(@Query() query: AsOfQuery): Promise<string> {
    const now = this.clock.now();
    const read: NationalViewRead = { now, ...(query.asOf === undefined ? {} : { asOf: resolveAsOf(query.asOf, now) }) };
    return this.reads.read<string>(NATIONAL_VIEW_READ, read);
  }
}
