import { BadRequestException, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '@spiral/event-catalogue';
import { AllowRoles, CurrentActor, IdParams } from '@spiral/http';
import { QueueFullFilter } from '@spiral/jobs';
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { InvalidAsOf, parseAsOf, type AsOf } from '../as-of';
import { ReplayJobs, type ExportJobStatus, type ReplayJobStatus } from '../replay-jobs';
import { UnknownView } from '../replay-views';
import { ReplayResultQuery, StartReplayRequest } from './start-replay.request';

/**
 * SPEC "Access": analysts replay and read; national reads everything, so it may replay too. Others
 * get 403 (the guard logs the refusal). A replay writes only into its own isolated copy.
 */
export const REPLAY_ROLES = ['analyst', 'national'] as const;

export type ReplayJobAnswer = ReplayJobStatus & { readonly result: { readonly json: string; readonly csv: string } | null };

@ApiTags('analysts')
@Controller('replays')
@AllowRoles(...REPLAY_ROLES)
@UseFilters(QueueFullFilter)
export class ReplaysController {
  constructor(private readonly jobs: ReplayJobs) {}

  /** Starts a replay job: 202 with its id; GET /replays/:id follows it. 429 when the job queue is full. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: '{id, status: "queued", …}; GET /replays/:id follows it' })
  @ApiTooManyRequestsResponse({ description: 'the job queue is full (per user or in all): try again after Retry-After seconds' })
  start(@Body() body: StartReplayRequest, @CurrentActor() actor: Actor): ReplayJobAnswer {
    const asOf = asOfOrBadRequest(body.asOf);
    try {
      return answer(this.jobs.start(body.view, asOf, actor.id));
    } catch (error) {
      if (error instanceof UnknownView) throw badField('view', error.message);
      throw error;
    }
  }

  @Get(':id')
  @ApiOkResponse({ description: 'status, eventsDone of eventsTotal, the figures and, once done, the result links' })
  status(@Param() params: IdParams): ReplayJobAnswer {
    return answer(this.jobs.status(params.id));
  }

  /**
   * The replayed views, streamed: JSON (the default) or CSV. 409 until the job is done. The first
   * request for a format waits for its export job (written by a job worker; 429 when the queue is
   * full), later ones stream the file it wrote.
   */
  @Get(':id/result')
  @ApiOkResponse({ description: 'the replayed views as a JSON or CSV attachment' })
  @ApiTooManyRequestsResponse({ description: 'the export is not written yet and the job queue is full: try again after Retry-After seconds' })
  async result(@Param() params: IdParams, @Query() query: ReplayResultQuery, @CurrentActor() actor: Actor, @Res() response: FastifyReply): Promise<void> {
    const format = query.format ?? 'json';
    const file = await this.jobs.result(params.id, format, actor.id);
    response.status(200).type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    response.header('Content-Disposition', `attachment; filename="replay-${params.id}.${format}"`);
    // Fastify streams the file and destroys it if the client goes away.
    await response.send(createReadStream(file));
  }

  /** The export of the replay's result in a format, while its job runs: status, collections `done` of `total`. */
  @Get(':id/export')
  @ApiOkResponse({ description: '{id, format, status, done, total, …} of the export job that GET /replays/:id/result started; 404 before' })
  exportStatus(@Param() params: IdParams, @Query() query: ReplayResultQuery): ExportJobStatus {
    return this.jobs.exportStatus(params.id, query.format ?? 'json');
  }
}

function answer(status: ReplayJobStatus): ReplayJobAnswer {
  const base = `/api/v1/replays/${status.id}/result`;
  return { ...status, result: status.status === 'done' ? { json: `${base}?format=json`, csv: `${base}?format=csv` } : null };
}

function asOfOrBadRequest(text: string): AsOf {
  try {
    return parseAsOf(text);
  } catch (error) {
    if (error instanceof InvalidAsOf) throw badField('asOf', error.message);
    throw error;
  }
}

function badField(field: string, reason: string): BadRequestException {
  return new BadRequestException({ error: 'invalid_input', message: reason, problems: [{ field, reason }] });
}
