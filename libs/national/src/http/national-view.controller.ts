import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { resolveAsOf } from '@spiral/analytics';
import { AllowRoles } from '@spiral/http';
import { CLOCK, VIEW_STORE, type Clock, type ViewStore } from '@spiral/ports';
import type { NationalView } from '../projections/national-view';
import { NationalViewReader } from '../projections/national-view.reader';
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
  private readonly reader: NationalViewReader;

  constructor(
    @Inject(VIEW_STORE) views: ViewStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reader = new NationalViewReader(views);
  }

  /** At the asOf asked for, else at the latest event the view holds (now when it holds none). */
  @Get()
  async read(@Query() query: AsOfQuery): Promise<NationalView> {
    const moment = query.asOf ?? (await this.reader.latestEventAt());
    return this.reader.read(resolveAsOf(moment, this.clock.now()));
  }
}
