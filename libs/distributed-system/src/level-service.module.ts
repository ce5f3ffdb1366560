import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AuditModule } from '@spiral/audit';
import { SpiralHttpModule, spiralLoggerParams } from '@spiral/http';
import { JobsModule, type JobsOptions } from '@spiral/jobs';
import { LocalModule, localProjections } from '@spiral/local';
import { NationalModule, nationalProjections } from '@spiral/national';
import type { Projection } from '@spiral/projections';
import { RegionalModule, regionalProjections } from '@spiral/regional';
import { WebModule } from '@spiral/web';
import { LoggerModule } from 'nestjs-pino';
import { DistributedEnginesModule, type EngineFactories } from './distributed-engines.module';
import { ViewLagModule } from './view-lag';

export type Level = 'local' | 'regional' | 'national';

interface LevelParts {
  readonly module: Type;
  /** The projections whose views the level's routes read; their lag is in its /health. */
  readonly views: readonly Projection[];
  /** Whether the level consumes the feed itself: the local level's gains process manager does. */
  readonly consumesFeed: boolean;
  /** Further routes the level's service serves: the national service, which reads everything, serves the auditors'. */
  readonly alsoServes?: readonly Type[];
  /** Whether its routes start jobs (the auditors' verify) or read views in the reads thread, so it needs a job queue and a worker. */
  readonly servesJobs?: boolean;
}

export const LEVELS: Readonly<Record<Level, LevelParts>> = {
  local: { module: LocalModule, views: localProjections, consumesFeed: true },
  regional: { module: RegionalModule, views: regionalProjections, consumesFeed: false, servesJobs: true },
  national: { module: NationalModule, views: nationalProjections, consumesFeed: false, alsoServes: [AuditModule], servesJobs: true },
};

export interface LevelServiceOptions {
  readonly level: Level;
  readonly engines: EngineFactories;
  readonly jwtSecret: string;
  readonly logLevel: string;
  /** The job queue and worker of a level that serves long jobs or heavy reads (the national and regional levels): distributedJobs. */
  readonly jobs?: JobsOptions;
}

/**
 * One level's part of the HTTP API as a process of its own: the level's module (commands and the
 * views it reads), identity and /health, on whichever engines it is given. The views are built by
 * the projectors, never here.
 */
@Module({})
export class LevelServiceModule {
  static forRoot(options: LevelServiceOptions): DynamicModule {
    const level = LEVELS[options.level];
    if (level.servesJobs && options.jobs === undefined) throw new Error(`the ${options.level} service runs jobs or reads views in a worker thread: give it jobs (distributedJobs)`);
    return {
      module: LevelServiceModule,
      imports: [
        LoggerModule.forRoot(spiralLoggerParams(options.logLevel)),
        DistributedEnginesModule.forRoot(options.engines),
        SpiralHttpModule.forRoot({ jwtSecret: options.jwtSecret }),
        level.module,
        ...(options.jobs ? [JobsModule.forRoot(options.jobs)] : []),
        ...(level.alsoServes ?? []),
        // Every service serves the pages at /; each page calls the API of its own level, so a page
        // whose level another service serves says so (its error state) when opened here.
        WebModule,
        ViewLagModule.forRoot(level.views),
      ],
    };
  }
}
