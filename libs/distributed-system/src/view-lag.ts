import { Global, Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { EVENT_STORE, VIEW_STORE, type EventStore, type ViewStore } from '@spiral/ports';
import { projectionKey, Projections, type Projection, type ProjectionStatus } from '@spiral/projections';
import { lagOf } from './lag';

/** The projections whose views a process reads (but does not run). */
export const VIEWED_PROJECTIONS = Symbol('ViewedProjections');

/**
 * How far behind the store the views this process reads are, from the checkpoints the projectors
 * commit with them. A level's service runs no projection, yet its answers are only as fresh as
 * these; /health reports them with `running: false` (the projector runs them).
 */
@Injectable()
export class ViewLag {
  constructor(
    @Inject(VIEWED_PROJECTIONS) private readonly projections: readonly Projection[],
    @Inject(VIEW_STORE) private readonly views: ViewStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  statuses(): Promise<ProjectionStatus[]> {
    return Promise.all(
      this.projections.map(async (projection) => {
        const key = projectionKey(projection);
        const lag = await lagOf(this.store, await this.views.checkpoint(key));
        return { projection: key, running: false, ...lag };
      }),
    );
  }
}

/**
 * HealthController (in SpiralHttpModule) reports the lag of whatever stands for Projections, which
 * it finds only when global, as ProjectionsModule is. A service runs no projection, so the
 * checkpoints of the views it reads stand in.
 */
@Global()
@Module({})
export class ViewLagModule {
  static forRoot(views: readonly Projection[]): DynamicModule {
    return {
      module: ViewLagModule,
      providers: [{ provide: VIEWED_PROJECTIONS, useValue: views }, ViewLag, { provide: Projections, useExisting: ViewLag }],
      exports: [Projections],
    };
  }
}
