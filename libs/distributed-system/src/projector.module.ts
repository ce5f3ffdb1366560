import { Module, type DynamicModule } from '@nestjs/common';
import { HealthController, spiralLoggerParams } from '@spiral/http';
import { localProjections } from '@spiral/local';
import { nationalProjections } from '@spiral/national';
import { ProjectionsModule, type Projection } from '@spiral/projections';
import { regionalProjections } from '@spiral/regional';
import { LoggerModule } from 'nestjs-pino';
import { DistributedEnginesModule, type EngineFactories } from './distributed-engines.module';

/** Every view of every level: what a projector builds unless told otherwise. */
export const ALL_PROJECTIONS: readonly Projection[] = [...localProjections, ...regionalProjections, ...nationalProjections];

export interface ProjectorModuleOptions {
  readonly engines: EngineFactories;
  readonly logLevel: string;
  readonly projections?: readonly Projection[];
}

/**
 * A projector process: every projection consumes the feed in its own consumer group (named after
 * the projection and its version) and writes its views with its checkpoint. Running more
 * projectors shares each group's partitions among them; /health reports each projection's lag.
 */
@Module({})
export class ProjectorModule {
  static forRoot(options: ProjectorModuleOptions): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        LoggerModule.forRoot(spiralLoggerParams(options.logLevel, false)),
        DistributedEnginesModule.forRoot(options.engines),
        // /health answers while the consumer groups rebalance, and says which runners have joined.
        ProjectionsModule.forRoot(options.projections ?? ALL_PROJECTIONS, 'in-background'),
      ],
      controllers: [HealthController],
    };
  }
}
