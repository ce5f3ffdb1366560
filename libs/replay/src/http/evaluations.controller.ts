import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '@spiral/event-catalogue';
import { AllowRoles, CurrentActor, IdParams } from '@spiral/http';
import { QueueFullFilter } from '@spiral/jobs';
import { CLOCK, type Clock } from '@spiral/ports';
import { EvaluationJobs, type EvaluationJobStatus } from '../jobs/evaluation-jobs';
import { EvaluationQuery } from './evaluation.query';
import { REPLAY_ROLES } from './replays.controller';

/** Evaluation jobs: started here, followed by GET /evaluations/:id (progress, then the answer as `result`). */
@ApiTags('analysts')
@Controller('evaluations')
@AllowRoles(...REPLAY_ROLES)
@UseFilters(QueueFullFilter)
export class EvaluationsController {
  constructor(
    private readonly jobs: EvaluationJobs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The body takes GET /evaluation's query fields: asOf and compare, or from and to. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'the job, queued: {id, status, done, total, …}' })
  @ApiTooManyRequestsResponse({ description: 'the job queue is full (per user or in all): try again after Retry-After seconds' })
  start(@Body() body: EvaluationQuery, @CurrentActor() actor: Actor): EvaluationJobStatus {
    return this.jobs.start(body, this.clock.now(), actor.id);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'the job: status, progress, and once done its answer as `result`' })
  status(@Param() params: IdParams): EvaluationJobStatus {
    return this.jobs.status(params.id);
  }
}
