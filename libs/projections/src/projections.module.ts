import { Inject, Injectable, Logger, Module, Optional, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLOCK, EVENT_FEED, EVENT_STORE, VIEW_STORE, type Clock, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';
import { ActiveViewStore } from './active-view-store';
import { BlueGreenSwitch } from './blue-green';
import type { Projection } from './projection';
import { ProjectionRunner, type ProjectionStatus } from './projection-runner';

export const PROJECTIONS = Symbol('Projections');
export const PROJECTIONS_JOIN = Symbol('ProjectionsJoin');

/**
 * When the runners' feed consumers join: 'before-ready' (the default) before the app is ready, so
 * a process serving reads has its runners running when it answers; 'in-background' after it, so a
 * projector answers /health while its consumer groups rebalance (each join waits for the group's
 * other members to rejoin) and says which runners run, and a runner that cannot join yet (the
 * feed down) is tried again rather than failing the process.
 */
export type ProjectionsJoin = 'before-ready' | 'in-background';

/** Waits between tries of a runner that could not join in the background, doubling up to the max. */
const JOIN_RETRY_MS = 1_000;
const MAX_JOIN_RETRY_MS = 8_000;

/** Runs every projection of this process on the feed from start to shutdown, and reports their lag. */
@Injectable()
export class Projections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Projections.name);
  readonly runners: readonly ProjectionRunner[];
  private readonly blueGreen: BlueGreenSwitch;
  private joining: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(
    @Inject(PROJECTIONS) projections: readonly Projection[],
    @Inject(EVENT_FEED) feed: EventFeed,
    @Inject(VIEW_STORE) views: ViewStore,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Optional() @Inject(PROJECTIONS_JOIN) private readonly join: ProjectionsJoin = 'before-ready',
  ) {
    // Runners write, and read their own generation, beneath the readers' routing (blue/green).
    const active = views instanceof ActiveViewStore ? views : undefined;
    const projectionViews = active?.inner ?? views;
    this.runners = projections.map((projection) => new ProjectionRunner(projection, feed, projectionViews, store, clock));
    this.blueGreen = new BlueGreenSwitch(projectionViews, store, clock, active?.routing);
  }

  /**
   * The view store's side in turn (generation records, checkpoints: on a fresh FerretDB database
   * first upserts at once collided, E11000), then every runner joins the feed at once: one after
   * another, a restarted projector waited through six rebalances before it answered /health.
   */
  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners) await this.blueGreen.prepare(runner);
    const background = this.join === 'in-background';
    const joins = Promise.all(this.runners.map((runner) => (background ? this.startUntilJoined(runner) : runner.start())));
    this.joining = joins.then(() => this.logger.log(`projecting ${this.runners.map((runner) => runner.key).join(', ')}`));
    if (!background) await this.joining;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.joining.catch(() => undefined);
    for (const runner of this.runners) await runner.stop();
  }

  private async startUntilJoined(runner: ProjectionRunner): Promise<void> {
    for (let wait = JOIN_RETRY_MS; !this.stopping; wait = Math.min(wait * 2, MAX_JOIN_RETRY_MS)) {
      try {
        return await runner.start();
      } catch (error) {
        this.logger.error(`${runner.key} could not join the feed (${error instanceof Error ? error.message : String(error)}); trying again in ${wait} ms`);
        await sleep(wait);
      }
    }
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
  static forRoot(projections: readonly Projection[], join: ProjectionsJoin = 'before-ready'): DynamicModule {
    return {
      module: ProjectionsModule,
      global: true,
      providers: [{ provide: PROJECTIONS, useValue: projections }, { provide: PROJECTIONS_JOIN, useValue: join }, Projections],
      exports: [Projections, PROJECTIONS],
    };
  }
}
