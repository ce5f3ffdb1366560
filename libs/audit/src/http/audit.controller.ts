import { Controller, Get, Param, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor, Role } from '@spiral/event-catalogue';
import { AllowRoles, CurrentActor, IdParams } from '@spiral/http';
import { QueueFullFilter } from '@spiral/jobs';
import { AuditReader, type PracticeAdoptions, type SpiralTrace } from '../audit-reader';
import type { VerifyReport } from '../verify/chain-verifier';
import { VerifyJobs } from '../verify/verify-jobs';

/**
 * SPEC "Access": auditors read and trace everything; national reads everything. Every other role
 * is refused with 403 by the AccessGuard, which logs the refusal.
 */
export const AUDIT_READERS: readonly Role[] = ['auditor', 'national'];

@ApiTags('audit')
@Controller('audit')
@AllowRoles(...AUDIT_READERS)
@UseFilters(QueueFullFilter)
export class AuditController {
  constructor(
    private readonly reader: AuditReader,
    private readonly verifications: VerifyJobs,
  ) {}

  @Get('spirals/:id/trace')
  @ApiOperation({ summary: "A spiral's events with their envelopes, and each adoption with its causes and the practice as it stood then" })
  @ApiOkResponse({ description: 'events in revision order with hash and previousHash; the spiral and team by name; adoptions with need, knowledge, options and practiceAtDecision' })
  trace(@Param() { id }: IdParams): Promise<SpiralTrace> {
    return this.reader.traceSpiral(id);
  }

  @Get('practices/:id/adoptions')
  @ApiOperation({ summary: "Every adoption decision of a practice, each with the practice's state as of the decision" })
  @ApiOkResponse({ description: "the practice's events and field tests, its state now, and its adoptions oldest first" })
  adoptions(@Param() { id }: IdParams): Promise<PracticeAdoptions> {
    return this.reader.practiceAdoptions(id);
  }

  @Get('verify')
  @ApiOperation({ summary: "Recomputes every stream's hash chain over the events as stored" })
  @ApiOkResponse({ description: '{ok, streams, events, breaks[{streamId, revision, reason, detail}]}' })
  @ApiTooManyRequestsResponse({ description: 'the job queue is full (per user or in all): try again after Retry-After seconds' })
  async verify(@CurrentActor() actor: Actor): Promise<VerifyReport> {
    // A verify job like POST /audit/verifications (a worker thread, recorded as the latest), waited for.
    const job = this.verifications.start(actor.id);
    return (await this.verifications.verification(job.id)).report;
  }
}
