import { Controller, Get, Inject, Query, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '@spiral/event-catalogue';
import { AllowRoles, CurrentActor } from '@spiral/http';
import { QueueFullFilter } from '@spiral/jobs';
import { CLOCK, type Clock } from '@spiral/ports';
import type { EvaluationAnswer } from '../evaluation/evaluation-request';
import { EvaluationJobs } from '../jobs/evaluation-jobs';
import { EvaluationQuery } from './evaluation.query';
import { REPLAY_ROLES } from './replays.controller';

/**
 * GET /evaluation: per practice and per region, as of a moment (now when absent), compared with
 * another moment or over a period. Each moment is a replay into an isolated copy, all built from
 * one read of the history: seconds on a seeded store. It runs as a
 * job (a worker thread, counted by the job queue: 429 when full) and this request waits for it;
 * POST /evaluations starts one without waiting.
 */
@ApiTags('analysts')
@Controller('evaluation')
@AllowRoles(...REPLAY_ROLES)
@UseFilters(QueueFullFilter)
export class EvaluationController {
  constructor(
    private readonly jobs: EvaluationJobs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ description: '{evaluation, other, comparison, period}: per practice and per region, as of the moment(s) asked' })
  @ApiTooManyRequestsResponse({ description: 'the job queue is full (per user or in all): try again after Retry-After seconds' })
  async read(@Query() query: EvaluationQuery, @CurrentActor() actor: Actor): Promise<EvaluationAnswer> {
    return this.jobs.answer(this.jobs.start(query, this.clock.now(), actor.id).id);
  }
}
