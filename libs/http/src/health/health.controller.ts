import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Projections, type ProjectionStatus } from '@spiral/projections';
import { EVENT_FEED, EVENT_STORE, VIEW_STORE, type EngineHealth, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly engines: Record<string, EngineHealth>;
  /** Each projection's lag behind the event store. */
  readonly projections: readonly ProjectionStatus[];
}

/**
 * Liveness and readiness of every engine this process uses (200 when all answer, 503 when one does
 * not) and how far each projection is behind the store.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Optional() @Inject(EVENT_STORE) private readonly store?: EventStore,
    @Optional() @Inject(VIEW_STORE) private readonly views?: ViewStore,
    @Optional() @Inject(EVENT_FEED) private readonly feed?: EventFeed,
    @Optional() private readonly projections?: Projections,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'every engine answers' })
  @ApiServiceUnavailableResponse({ description: 'an engine does not answer; the body says which' })
  async health(@Res({ passthrough: true }) response: FastifyReply): Promise<HealthReport> {
    const checks = { eventStore: this.store, viewStore: this.views, eventFeed: this.feed };
    const engines: Record<string, EngineHealth> = {};
    for (const [name, port] of Object.entries(checks)) {
      if (port) engines[name] = await port.health().catch((error: Error) => ({ engine: name, ok: false, detail: error.message }));
    }
    const ok = Object.values(engines).every((engine) => engine.ok);
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    const projections = (await this.projections?.statuses()) ?? [];
    return { status: ok ? 'ok' : 'degraded', engines, projections };
  }
}
