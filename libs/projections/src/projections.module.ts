import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, EVENT_FEED, EVENT_STORE, VIEW_STORE, type Clock, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';
import { ActiveViewStore } from './active-view-store';
import { BlueGreenSwitch } from './blue-green';
import type { Projection } from './projection';
import { ProjectionRunner, type ProjectionStatus } from './projection-runner';

export const PROJECTIONS = Symbol('Projections');

/** Runs every projection of this process on the feed from start to shutdown, and reports their lag. */
@Injectable()
export class Projections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Projections.name);
  readonly runners: readonly ProjectionRunner[];
  private readonly blueGreen: BlueGreenSwitch;

  constructor(
    @Inject(PROJECTIONS) projections: readonly Projection[],
    @Inject(EVENT_FEED) feed: EventFeed,
    @Inject(VIEW_STORE) views: ViewStore,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
  ) {
    // Runners write, and read their own generation, beneath the readers' routing (blue/green).
    const active = views instanceof ActiveViewStore ? views : undefined;
    const projectionViews = active?.inner ?? views;
    this.runners = projections.map((projection) => new ProjectionRunner(projection, feed, projectionViews, store, clock));
    this.blueGreen = new BlueGreenSwitch(projectionViews, store, clock, active?.routing);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners) {
      await this.blueGreen.prepare(runner);
      await runner.start();
    }
    this.logger.log(`projecting ${this.runners.map((runner) => runner.key).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const runner of this.runners) await runner.stop();
  }

  statuses(): Promise<ProjectionStatus[]> {
    return Promise.all(this.runners.map((runner) => runner.status()));
  }

  /** Resolves when every projection has applied everything stored up to now (tests, replays). */
  caughtUp(timeoutMs = 10_000): Promise<void> {
    return untilCaughtUp(() => this.statuses(), timeoutMs);
  }
}

/** Resolves when every status says current, asking again every 20 ms; fails after `timeoutMs`. */
export async function untilCaughtUp(statuses: () => Promise<readonly ProjectionStatus[]>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const behind = (await statuses()).filter((status) => status.eventsBehind > 0);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`projections still behind after ${timeoutMs} ms: ${behind.map((s) => s.projection).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The projections a process runs; the app's engines module provides the ports. */
@Module({})
export class ProjectionsModule {
  static forRoot(projections: readonly Projection[]): DynamicModule {
    return {
      module: ProjectionsModule,
      global: true,
      providers: [{ provide: PROJECTIONS, useValue: projections }, Projections],
      exports: [Projections, PROJECTIONS],
    };
  }
}
