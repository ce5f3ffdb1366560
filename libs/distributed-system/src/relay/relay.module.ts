import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HealthController, spiralLoggerParams } from '@spiral/http';
import { EVENT_FEED, EVENT_STORE, VIEW_STORE, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';
import { Projections, type ProjectionStatus } from '@spiral/projections';
import { LoggerModule } from 'nestjs-pino';
import { DistributedEnginesModule, type EngineFactories } from '../distributed-engines.module';
import { EventRelay, type EventRelayOptions } from './event-relay';

const RELAY_OPTIONS = Symbol('RelayOptions');

/** Runs the relay from bootstrap to shutdown and reports its lag as /health's only "projection". */
@Injectable()
export class RelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: EventRelay;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(EVENT_FEED) feed: EventFeed,
    @Inject(VIEW_STORE) checkpoints: ViewStore,
    @Inject(RELAY_OPTIONS) options: EventRelayOptions,
  ) {
    this.relay = new EventRelay(store, feed, checkpoints, options);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }

  async statuses(): Promise<ProjectionStatus[]> {
    return [await this.relay.status()];
  }
}

export interface RelayModuleOptions extends EventRelayOptions {
  readonly engines: EngineFactories;
  readonly logLevel: string;
}

/** The relay process: the event store's $all to the feed, its checkpoint in the view store, /health. */
@Module({})
export class RelayModule {
  static forRoot(options: RelayModuleOptions): DynamicModule {
    const { engines, logLevel, ...relay } = options;
    return {
      module: RelayModule,
      imports: [LoggerModule.forRoot(spiralLoggerParams(logLevel, false)), DistributedEnginesModule.forRoot(engines)],
      controllers: [HealthController],
      providers: [{ provide: RELAY_OPTIONS, useValue: relay }, RelayHost, { provide: Projections, useExisting: RelayHost }],
    };
  }
}
