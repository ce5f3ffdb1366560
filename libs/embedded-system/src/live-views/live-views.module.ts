import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LOCAL_PROCESS_MANAGERS, type LocalProcessManagersOptions } from '@spiral/local';
import { EVENT_FEED } from '@spiral/ports';
import { PROJECTIONS, Projections, type Projection } from '@spiral/projections';
import { LIVE_VIEWS_DATA_DIR, LiveViewsThread } from './live-views-thread';

/** The gains process manager runs in the live views' thread, not beside the server's LocalModule. */
const GAINS_IN_THE_LIVE_VIEWS_THREAD: LocalProcessManagersOptions = { gains: false };

/**
 * The live views in a worker thread (LiveViewsThread): what stands in the server's thread for the
 * projections (their statuses, /health, waiting until caught up) and for the feed their consumers read.
 */
@Global()
@Module({})
export class LiveViewsModule {
  static forRoot(dataDir: string, projections: readonly Projection[]): DynamicModule {
    return {
      module: LiveViewsModule,
      imports: [CqrsModule],
      providers: [
        { provide: LIVE_VIEWS_DATA_DIR, useValue: dataDir },
        { provide: PROJECTIONS, useValue: projections },
        LiveViewsThread,
        { provide: Projections, useExisting: LiveViewsThread },
        { provide: EVENT_FEED, useFactory: (thread: LiveViewsThread) => thread.feed, inject: [LiveViewsThread] },
        { provide: LOCAL_PROCESS_MANAGERS, useValue: GAINS_IN_THE_LIVE_VIEWS_THREAD },
      ],
      exports: [PROJECTIONS, Projections, EVENT_FEED, LOCAL_PROCESS_MANAGERS, LiveViewsThread],
    };
  }
}
