import { Logger } from '@nestjs/common';
import type { Clock, EventStore, ViewStore } from '@spiral/ports';
import { appliedRevisionsOf } from './applied-events';
import { parkedEventsOf } from './parked-events';
import { projectionKey, storedCollectionsOf, type Projection } from './projection';
import { GENERATIONS_COLLECTION, recordSwitch, servingGeneration } from './projection-generations';
import type { ProjectionRunner } from './projection-runner';

/**
 * Where the readers' routing lives: in the switch's own process (GenerationRouting), or in another
 * thread, which must have moved its readers over before the old generation is dropped (so awaited).
 */
export interface ReaderRouting {
  route(projection: Projection, servingVersion: number): void | Promise<void>;
  unroute(name: string): void | Promise<void>;
}

/**
 * Blue/green generations of live views. A projection whose version is new builds its own
 * collections beside the generation serving (`<collection>_v<version>`) from the start of history,
 * while readers keep reading the serving one; once it has applied everything stored (current), the
 * switch is recorded in the view store, readers move over at once, and only then is the old
 * generation dropped. In one process the old generation's code is gone, so it serves as it stood
 * when the process stopped: stale for the catch-up's length, but whole, never half-built.
 */
export class BlueGreenSwitch {
  private readonly logger = new Logger(BlueGreenSwitch.name);

  constructor(
    private readonly views: ViewStore,
    private readonly store: EventStore,
    private readonly clock: Clock,
    /** The readers' routing; absent where no reader shares the process (a projector). */
    private readonly routing?: ReaderRouting,
  ) {}

  /** Before the runner starts: route readers to the serving generation, and switch at once when there is nothing to catch up. */
  async prepare(runner: ProjectionRunner): Promise<void> {
    const projection = runner.projection;
    const serving = await servingGeneration(this.views, projection);
    const recorded = (await this.views.get(GENERATIONS_COLLECTION, projection.name)) !== undefined;
    if (serving === undefined) {
      if (!recorded) await recordSwitch(this.views, projection, null, await this.views.checkpoint(runner.key), this.clock.now());
      return;
    }
    await this.routing?.route(projection, serving);
    runner.onCommitted = (position) => this.switchWhenCurrent(runner, serving, position);
    await this.switchWhenCurrent(runner, serving, await this.views.checkpoint(runner.key));
  }

  private async switchWhenCurrent(runner: ProjectionRunner, serving: number, position: number): Promise<void> {
    if (position < (await this.store.headPosition())) return;
    const projection = runner.projection;
    await recordSwitch(this.views, projection, serving, position, this.clock.now());
    await this.routing?.unroute(projection.name);
    runner.onCommitted = undefined;
    const old: Projection = { ...projection, version: serving };
    await this.views.drop(projectionKey(old), storedCollectionsOf(old, [appliedRevisionsOf(projection), parkedEventsOf(projection)]));
    this.logger.log(`${projectionKey(projection)} is current at position ${position}: readers moved over from ${projectionKey(old)}, which is dropped`);
  }
}
