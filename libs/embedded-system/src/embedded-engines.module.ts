import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { InProcessEventFeed, SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { ActiveViewStore } from '@spiral/projections';
import { WalCheckpointsThread } from './wal-checkpoints/wal-checkpoints-thread';
import { CLOCK, EVENT_FEED, EVENT_STORE, systemClock, VIEW_STORE, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';

/** Closes the engines last, after Nest has stopped taking requests. */
class EngineCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_FEED) private readonly feed: EventFeed,
    @Inject(VIEW_STORE) private readonly views: ViewStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.feed.close();
    await this.views.close();
    await this.store.close();
  }
}

/** The embedded engines behind the ports: SQLite files under the data folder and an in-process feed. */
@Global()
@Module({})
export class EmbeddedEnginesModule {
  /**
   * `feed`: its own feed, unless the live views run in their worker thread (LiveViewsModule provides
   * it then). `walCheckpointsThread`: the server's, whose writer leaves checkpoints to that thread
   * (the seeder's bulk import checkpoints when it finishes).
   */
  static forRoot(dataDir: string, { feed: withFeed, walCheckpointsThread }: { readonly feed: boolean; readonly walCheckpointsThread: boolean }): DynamicModule {
    const feed = { provide: EVENT_FEED, useFactory: (store: SqliteEventStore) => new InProcessEventFeed(store), inject: [EVENT_STORE] };
    return {
      module: EmbeddedEnginesModule,
      providers: [
        { provide: CLOCK, useValue: systemClock },
        { provide: EVENT_STORE, useFactory: () => SqliteEventStore.open(dataDir, { checkpointedElsewhere: walCheckpointsThread }) },
        // Readers read the active generation of each view (blue/green); the projections write beneath.
        { provide: VIEW_STORE, useFactory: async () => new ActiveViewStore(await SqliteViewStore.open(dataDir)) },
        ...(withFeed ? [feed] : []),
        ...(walCheckpointsThread ? [WalCheckpointsThread] : []),
        EngineCloser,
      ],
      exports: [CLOCK, EVENT_STORE, VIEW_STORE, ...(withFeed ? [EVENT_FEED] : [])],
    };
  }
}
