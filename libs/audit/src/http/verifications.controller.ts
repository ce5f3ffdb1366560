import { Body, Controller, Get, HttpCode, HttpStatus, Inject, NotFoundException, Param, Post, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '@spiral/event-catalogue';
import { AllowRoles, CurrentActor, IdParams, refuseAnyField } from '@spiral/http';
import { QueueFullFilter } from '@spiral/jobs';
import { VIEW_STORE, type ViewStore } from '@spiral/ports';
import { lastVerification, type RecordedVerification } from '../verify/verification';
import { VerifyJobs, type VerifyJobStatus } from '../verify/verify-jobs';
import { AUDIT_READERS } from './audit.controller';

/**
 * Verify on demand (the audit page's button): POST starts a verify job, GET /:id follows its
 * progress (events read of the head), GET /latest is the last verification recorded, from any run
 * (this server's, another national service's, `spiral verify`'s).
 */
@ApiTags('audit')
@Controller('audit/verifications')
@AllowRoles(...AUDIT_READERS)
@UseFilters(QueueFullFilter)
export class VerificationsController {
  constructor(
    private readonly verifications: VerifyJobs,
    @Inject(VIEW_STORE) private readonly views: ViewStore,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Starts a verification of every hash chain, as a job' })
  @ApiAcceptedResponse({ description: '{id, status, done, total, …}; GET /audit/verifications/:id follows it' })
  @ApiTooManyRequestsResponse({ description: 'the job queue is full (per user or in all): try again after Retry-After seconds' })
  start(@Body() body: unknown, @CurrentActor() actor: Actor): VerifyJobStatus {
    refuseAnyField(body, 'a verification');
    return this.verifications.start(actor.id);
  }

  @Get('latest')
  @ApiOperation({ summary: 'The last verification recorded: its report, when it ran and up to which global position' })
  @ApiOkResponse({ description: '{startedAt, finishedAt, upToPosition, report{ok, streams, events, breaks (the first 1,000)}, breakCount}' })
  @ApiNotFoundResponse({ description: 'no verification has run yet' })
  async latest(): Promise<RecordedVerification> {
    const found = await lastVerification(this.views);
    if (found === undefined) throw new NotFoundException('no verification has run yet: POST /api/v1/audit/verifications starts one');
    return found;
  }

  @Get(':id')
  @ApiOperation({ summary: 'A verification job: status, events read of the head, and its verification once done' })
  @ApiOkResponse({ description: 'the job: status, progress, and once done its verification' })
  status(@Param() params: IdParams): VerifyJobStatus {
    return this.verifications.status(params.id);
  }
}
