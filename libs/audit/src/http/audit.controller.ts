import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '@spiral/event-catalogue';
import { AllowRoles, IdParams } from '@spiral/http';
import { AuditReader, type PracticeAdoptions, type SpiralTrace } from '../audit-reader';
import type { VerifyReport } from '../verify/chain-verifier';
import { refuseQueryParameters } from './no-query';

/**
 * SPEC "Access": auditors read and trace everything; national reads everything. Every other role
 * is refused with 403 by the AccessGuard, which logs the refusal.
 */
export const AUDIT_READERS: readonly Role[] = ['auditor', 'national'];

@ApiTags('audit')
@Controller('audit')
@AllowRoles(...AUDIT_READERS)
export class AuditController {
  constructor(private readonly reader: AuditReader) {}

  @Get('spirals/:id/trace')
  @ApiOperation({ summary: "A spiral's events with their envelopes, and each adoption with its causes and the practice as it stood then" })
  @ApiOkResponse({ description: 'events in revision order with hash and previousHash; the spiral and team by name; adoptions with need, knowledge, options and practiceAtDecision' })
  trace(@Param() { id }: IdParams, @Query() query: Record<string, unknown>): Promise<SpiralTrace> {
    refuseQueryParameters(query);
    return this.reader.traceSpiral(id);
  }

  @Get('practices/:id/adoptions')
  @ApiOperation({ summary: "Every adoption decision of a practice, each with the practice's state as of the decision" })
  @ApiOkResponse({ description: "the practice's events and field tests, its state now, and its adoptions oldest first" })
  adoptions(@Param() { id }: IdParams, @Query() query: Record<string, unknown>): Promise<PracticeAdoptions> {
    refuseQueryParameters(query);
    return this.reader.practiceAdoptions(id);
  }

  @Get('verify')
  @ApiOperation({ summary: "Recomputes every stream's hash chain over the events as stored" })
  @ApiOkResponse({ description: '{ok, streams, events, breaks[{streamId, revision, reason, detail}]}' })
  verify(): Promise<VerifyReport> {
    return this.reader.verify();
  }
}
