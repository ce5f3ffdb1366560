import type { EngineHealth, FindOptions, ViewChange, ViewDocument, ViewFilter, ViewStore } from '@spiral/ports';
import { storedCollection, type Projection } from './projection';
import { servingGeneration } from './projection-generations';

/**
 * Which stored collections readers are sent elsewhere: while a new generation of a projection
 * catches up, its collections' names lead to the generation still serving.
 */
export class GenerationRouting {
  private readonly routes = new Map<string, Map<string, string>>();

  route(projection: Projection, servingVersion: number): void {
    const serving = { version: servingVersion };
    this.routes.set(projection.name, new Map(projection.collections.map((c) => [storedCollection(projection, c), storedCollection(serving, c)])));
  }

  unroute(name: string): void {
    this.routes.delete(name);
  }

  collection(stored: string): string {
    for (const routes of this.routes.values()) {
      const routed = routes.get(stored);
      if (routed !== undefined) return routed;
    }
    return stored;
  }
}

/**
 * The view store as readers see it (blue/green): reads of a generation still catching up go to
 * the generation serving, so readers never see a half-built view, and move over at the switch.
 * Writes pass through: only projection runners write, each into its own generation, and they are
 * given the store beneath (`inner`) so their own reads are never routed.
 */
export class ActiveViewStore implements ViewStore {
  readonly routing = new GenerationRouting();
  /** The store beneath's, so its readers still tell whether they may hold what they read (mayHoldViewsOf). */
  readonly exclusively?: ViewStore['exclusively'];

  constructor(readonly inner: ViewStore) {
    if (inner.exclusively !== undefined) this.exclusively = inner.exclusively.bind(inner);
  }

  get<T extends ViewDocument = ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    return this.inner.get<T>(this.routing.collection(collection), id);
  }

  find<T extends ViewDocument = ViewDocument>(collection: string, filter?: ViewFilter, options?: FindOptions): Promise<T[]> {
    return this.inner.find<T>(this.routing.collection(collection), filter, options);
  }

  commit(projection: string, changes: readonly ViewChange[], checkpoint: number): Promise<void> {
    return this.inner.commit(projection, changes, checkpoint);
  }

  checkpoint(projection: string): Promise<number> {
    return this.inner.checkpoint(projection);
  }

  drop(projection: string, collections: readonly string[]): Promise<void> {
    return this.inner.drop(projection, collections);
  }

  health(): Promise<EngineHealth> {
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * The views of one projection as a reader outside the switch's reach sees them (the reads thread,
 * a service apart from the projector): told of no switch, it follows the one recorded in the view
 * store before each read, so while a new generation catches up it reads the generation serving, and
 * the new one once the switch is recorded. The process that drops the old generation after a switch
 * waits for the reads in flight (see LiveViewsThread), so a read never sees it half dropped.
 */
export class RecordedGenerationViews {
  readonly views: ActiveViewStore;

  constructor(
    private readonly store: ViewStore,
    private readonly projection: Projection,
  ) {
    this.views = new ActiveViewStore(store);
  }

  /** Routes `views` as the store's record of the projection's generations says, now. */
  async follow(): Promise<void> {
    const serving = await servingGeneration(this.store, this.projection);
    if (serving === undefined) this.views.routing.unroute(this.projection.name);
    else this.views.routing.route(this.projection, serving);
  }
}
