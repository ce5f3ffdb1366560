import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '@spiral/event-catalogue';
import { AllowRoles, CurrentActor, IdParams, refuseAnyField } from '@spiral/http';
import { QueueFullFilter } from '@spiral/jobs';
import { RebuildJobs, type RebuildJobStatus } from './rebuild-jobs';

/**
 * Rebuilding every view from the whole history, on the running embedded server: an operator's act
 * on the whole system, so starting one is the national role's (nothing else is written but the
 * views). Following one is a read, so analysts and auditors, who read everything (SPEC "Access"),
 * may too. POST starts the job, GET /:id follows it (events applied of the head).
 */
@ApiTags('operations')
@Controller('rebuilds')
@AllowRoles('national')
@UseFilters(QueueFullFilter)
export class RebuildsController {
  constructor(private readonly rebuilds: RebuildJobs) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Starts a rebuild of every view from the whole history, as a job (the live views pause meanwhile)' })
  @ApiAcceptedResponse({ description: '{id, status, done, total, …}; GET /rebuilds/:id follows it' })
  @ApiTooManyRequestsResponse({ description: 'the job queue is full (per user or in all): try again after Retry-After seconds' })
  start(@Body() body: unknown, @CurrentActor() actor: Actor): RebuildJobStatus {
    refuseAnyField(body, 'a rebuild');
    return this.rebuilds.start(actor.id);
  }

  @Get(':id')
  @AllowRoles('national', 'analyst', 'auditor')
  @ApiOperation({ summary: 'A rebuild job: status, events applied of the head, and its figures once done' })
  @ApiOkResponse({ description: 'the job: status, progress, and once done {events, seconds, eventsPerSecond, projections}' })
  status(@Param() params: IdParams): RebuildJobStatus {
    return this.rebuilds.status(params.id);
  }
}
