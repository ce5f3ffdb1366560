import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@spiral/audit';
import { SpiralHttpModule, spiralLoggerParams } from '@spiral/http';
import { ProjectionsModule } from '@spiral/projections';
import { LocalModule } from '@spiral/local';
import { NationalModule } from '@spiral/national';
import { RegionalModule } from '@spiral/regional';
import { JobsModule } from '@spiral/jobs';
import { ReplayModule } from '@spiral/replay';
import { WebModule } from '@spiral/web';
import { LoggerModule } from 'nestjs-pino';
import type { EmbeddedConfig } from './embedded-config';
import { EmbeddedEnginesModule } from './embedded-engines.module';
import { EMBEDDED_PROJECTIONS } from './embedded-projections';
import { embeddedJobs } from './jobs/embedded-jobs';
import { LiveViewsModule } from './live-views/live-views.module';
import { RebuildModule } from './rebuild/rebuild.module';

/**
 * Where the live views (the projection runners and the gains process manager) run: in a worker
 * thread of their own beside the server's (the server), or in the calling thread, for a bulk writer
 * that stops them, writes, and applies the history to them itself (the seeder).
 */
export type LiveViewsHosting = 'worker-thread' | 'this-thread';

/** All three levels, the feed and the views in one process on the embedded engines. */
@Module({})
export class EmbeddedModule {
  static forRoot(config: EmbeddedConfig, liveViews: LiveViewsHosting = 'worker-thread'): DynamicModule {
    const inWorker = liveViews === 'worker-thread';
    return {
      module: EmbeddedModule,
      imports: [
        LoggerModule.forRoot(spiralLoggerParams(config.logLevel)),
        EmbeddedEnginesModule.forRoot(config.dataDir, { feed: !inWorker, walCheckpointsThread: inWorker }),
        inWorker ? LiveViewsModule.forRoot(config.dataDir, EMBEDDED_PROJECTIONS) : ProjectionsModule.forRoot(EMBEDDED_PROJECTIONS),
        SpiralHttpModule.forRoot({ jwtSecret: config.jwtSecret, tokenMaxLifetimeSeconds: config.tokenMaxLifetimeSeconds }),
        LocalModule,
        RegionalModule,
        NationalModule,
        // Replays, evaluations, exports, verify and rebuilds run in worker threads through one bounded queue.
        JobsModule.forRoot(embeddedJobs(config.dataDir, config.jobs)),
        ReplayModule,
        // A rebuild pauses the live views' thread around it; a bulk writer hosting them runs none.
        ...(inWorker ? [RebuildModule] : []),
        AuditModule,
        WebModule,
      ],
    };
  }
}
