import { Global, Inject, Module, Optional, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, EVENT_FEED, EVENT_STORE, systemClock, VIEW_STORE, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';

/** How a process gets each engine it uses; the apps build these from the environment (engines.ts), tests from anything. */
export interface EngineFactories {
  readonly eventStore: () => EventStore | Promise<EventStore>;
  readonly viewStore?: () => ViewStore | Promise<ViewStore>;
  readonly eventFeed?: () => EventFeed | Promise<EventFeed>;
}

/** Closes the engines after Nest has stopped taking requests: the feed first, then what it feeds. */
class EngineCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(VIEW_STORE) private readonly views?: ViewStore,
    @Optional() @Inject(EVENT_FEED) private readonly feed?: EventFeed,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.feed?.close();
    await this.views?.close();
    await this.store.close();
  }
}

/** The engines of one distributed process behind the ports; only those it uses are provided. */
@Global()
@Module({})
export class DistributedEnginesModule {
  static forRoot(factories: EngineFactories): DynamicModule {
    const optional = [
      factories.viewStore && { provide: VIEW_STORE, useFactory: factories.viewStore },
      factories.eventFeed && { provide: EVENT_FEED, useFactory: factories.eventFeed },
    ].filter((provider) => provider !== undefined);
    return {
      module: DistributedEnginesModule,
      providers: [
        { provide: CLOCK, useValue: systemClock },
        { provide: EVENT_STORE, useFactory: factories.eventStore },
        ...optional,
        EngineCloser,
      ],
      exports: [CLOCK, EVENT_STORE, ...optional.map((provider) => provider.provide)],
    };
  }
}
