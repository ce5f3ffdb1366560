import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_FEED, EVENT_STORE, VIEW_STORE, type EngineHealth, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly engines: Record<string, EngineHealth>;
}

/** Liveness and readiness of every engine this process uses: 200 when all answer, 503 when one does not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Optional() @Inject(EVENT_STORE) private readonly store?: EventStore,
    @Optional() @Inject(VIEW_STORE) private readonly views?: ViewStore,
    @Optional() @Inject(EVENT_FEED) private readonly feed?: EventFeed,
  ) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const checks = { eventStore: this.store, viewStore: this.views, eventFeed: this.feed };
    const engines: Record<string, EngineHealth> = {};
    for (const [name, port] of Object.entries(checks)) {
      if (port) engines[name] = await port.health().catch((error: Error) => ({ engine: name, ok: false, detail: error.message }));
    }
    const ok = Object.values(engines).every((engine) => engine.ok);
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', engines };
  }
}
